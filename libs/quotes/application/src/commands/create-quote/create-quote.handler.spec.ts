import { beforeEach, describe, expect, it } from 'vitest';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { caller, crm, CrmRecordsStub, MemoryQuotes, quoteDetails } from '../../testing/in-memory-quotes';
import { CreateQuoteCommand } from './create-quote.command';
import { CreateQuoteHandler } from './create-quote.handler';

describe('CreateQuoteHandler', () => {
  let quotes: MemoryQuotes;
  let handler: CreateQuoteHandler;

  beforeEach(() => {
    quotes = new MemoryQuotes();
    handler = new CreateQuoteHandler(quotes, new QuoteDetailsResolver(new CrmRecordsStub(crm, new Set(['deal-1'])).bus));
  });

  it('starts a Draft owned by the caller, numbered, with the company of its deal', async () => {
    const { id } = await handler.execute(new CreateQuoteCommand(caller('manager'), quoteDetails()));
    const quote = quotes.quotes.get(id)!;
    expect([quote.status, quote.ownerId, quote.number, quote.companyId, quote.companyName, quote.totalMinor]).toEqual([
      'draft',
      'manager-1',
      `Q-${new Date().getUTCFullYear()}-0001`,
      'company-1',
      'Acme BV',
      300_000,
    ]);
    expect(quote.pullEvents().map((e) => e.name)).toEqual(['quotes.quote.created.v1']);
  });

  it('refuses a deal the caller may not see exactly as an unknown one, saving nothing', async () => {
    await expect(handler.execute(new CreateQuoteCommand(caller('rep'), quoteDetails()))).rejects.toMatchObject({
      code: 'QUOTES.UNKNOWN_REFERENCE',
      details: { fields: [{ field: 'dealId', reason: 'no such deal: deal-1' }] },
    });
    await expect(handler.execute(new CreateQuoteCommand(caller('rep'), quoteDetails({ dealId: null, recipientContactIds: ['contact-9'] })))).rejects.toMatchObject({
      code: 'QUOTES.UNKNOWN_REFERENCE',
      details: { fields: [{ field: 'recipientContactIds', reason: 'no such contact: contact-9' }] },
    });
    await expect(handler.execute(new CreateQuoteCommand(caller('rep'), quoteDetails({ dealId: null, currency: 'XXY' })))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(quotes.saved).toEqual([]);
  });
});
