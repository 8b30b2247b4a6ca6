import { beforeEach, describe, expect, it } from 'vitest';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { caller, crm, CrmRecordsStub, draftQuote, MemoryQuotes, quoteDetails } from '../../testing/in-memory-quotes';
import { EditQuoteCommand } from './edit-quote.command';
import { EditQuoteHandler } from './edit-quote.handler';

describe('EditQuoteHandler', () => {
  let quotes: MemoryQuotes;
  let handler: EditQuoteHandler;
  let id: string;

  beforeEach(async () => {
    quotes = new MemoryQuotes();
    handler = new EditQuoteHandler(quotes, new QuoteDetailsResolver(new CrmRecordsStub(crm).bus));
    id = (await quotes.add(draftQuote())).id;
  });

  it('replaces the details of a Draft and records the update', async () => {
    await handler.execute(new EditQuoteCommand(caller('rep'), id, 1, quoteDetails({ title: 'Website and hosting' })));
    const quote = quotes.quotes.get(id)!;
    expect([quote.title, quote.version, quote.pullEvents().map((e) => e.name)]).toEqual(['Website and hosting', 2, ['quotes.quote.updated.v1']]);
  });

  it('refuses another rep (404), a stale version (409) and a quote Pending approval (409), changing nothing', async () => {
    await expect(handler.execute(new EditQuoteCommand(caller('rep', 'rep-2'), id, 1, quoteDetails()))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
    await expect(handler.execute(new EditQuoteCommand(caller('manager'), id, 1, quoteDetails()))).rejects.toMatchObject({ code: 'QUOTES.NOT_OWNER' });
    await expect(handler.execute(new EditQuoteCommand(caller('rep'), id, 7, quoteDetails()))).rejects.toMatchObject({ code: 'QUOTES.STALE_VERSION' });
    quotes.quotes.get(id)!.status = 'pending_approval';
    await expect(handler.execute(new EditQuoteCommand(caller('rep'), id, 1, quoteDetails({ title: 'Other' })))).rejects.toMatchObject({ code: 'QUOTES.NOT_EDITABLE' });
    expect([quotes.saved, quotes.quotes.get(id)!.title]).toEqual([[], 'Website redesign']);
  });

  it('edits a published quote approved with limits: within them it stays published, beyond them it is back in Draft; without limits it is refused', async () => {
    const quote = quotes.quotes.get(id)!;
    quote.status = 'published';
    quote.shareSlug = 'slug';
    await expect(handler.execute(new EditQuoteCommand(caller('rep'), id, 1, quoteDetails()))).rejects.toMatchObject({ code: 'QUOTES.NOT_EDITABLE' });
    quote.approvalLimits = { maxDiscountPercent: '10.00', minTotal: null, currency: 'EUR' };
    const within = await handler.execute(new EditQuoteCommand(caller('rep'), id, 1, quoteDetails({ title: 'Website redesign, phase 1', quoteDiscount: { kind: 'percent', basisPoints: 1000 } })));
    expect([within, quote.status, quote.version, quote.shareSlug]).toEqual([{ code: 'changed-within-approved-limits', broken: [] }, 'published', 2, 'slug']);
    const beyond = await handler.execute(new EditQuoteCommand(caller('rep'), id, 2, quoteDetails({ quoteDiscount: { kind: 'percent', basisPoints: 1200 } })));
    expect([beyond, quote.status, quote.version, quote.shareSlug, quote.approvalLimits]).toEqual([
      { code: 'approval-limits-exceeded', broken: [{ bound: 'maxDiscountPercent', limit: '10.00', actual: '12.00', on: 'quote' }] },
      'draft',
      3,
      null,
      null,
    ]);
  });
});
