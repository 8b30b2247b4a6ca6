import { describe, expect, it } from 'vitest';
import { crm, CrmRecordsStub, liveQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { GetSharedQuoteQuery } from './get-shared-quote.query';
import { GetSharedQuoteHandler } from './get-shared-quote.handler';

describe('GetSharedQuoteHandler', () => {
  it('shows the buyer the shared quote without internal ids, owners or history', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(liveQuote());
    const view = await new GetSharedQuoteHandler(quotes, new CrmRecordsStub(crm).bus).execute(new GetSharedQuoteQuery(quote.shareSlug!));
    expect(Object.keys(view).sort()).toEqual(['commentsForBuyer', 'companyName', 'currency', 'expiresOn', 'language', 'lineItems', 'number', 'paymentTermsDays', 'purchaseTerms', 'quoteDiscount', 'recipients', 'signature', 'status', 'title', 'totals']);
    expect(view).toMatchObject({ number: 'Q-2026-0001', status: 'approval_not_needed', companyName: 'Acme BV', paymentTermsDays: 30, language: 'en', recipients: [{ name: 'Anna de Vries', email: 'anna@acme.example' }], totals: { total: '3000.00' } });
  });

  it('answers 404 once the link no longer shows the quote (recalled)', async () => {
    const quotes = new MemoryQuotes();
    const quote = liveQuote();
    const slug = quote.shareSlug!;
    quote.status = 'draft';
    await quotes.add(quote);
    await expect(new GetSharedQuoteHandler(quotes, new CrmRecordsStub(crm).bus).execute(new GetSharedQuoteQuery(slug))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
  });
});
