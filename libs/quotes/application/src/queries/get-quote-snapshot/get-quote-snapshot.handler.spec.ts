import { GetQuoteSnapshotQuery } from '@qa/quotes-contracts';
import { describe, expect, it } from 'vitest';
import { draftQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { GetQuoteSnapshotHandler } from './get-quote-snapshot.handler';

describe('GetQuoteSnapshotHandler', () => {
  it('answers other contexts with the quote’s content and its route while Pending approval', async () => {
    const quotes = new MemoryQuotes();
    const quote = draftQuote({ lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: { kind: 'amount', amountMinor: 10_000 }, billingPeriod: null }] });
    quote.submit({ approverIds: ['manager-1'], mode: 'any', reasons: ['all quotes'], ruleName: null, submittedBy: 'rep-1' }, { by: 'rep-1' });
    await quotes.add(quote);
    expect(await new GetQuoteSnapshotHandler(quotes).execute(new GetQuoteSnapshotQuery(quote.id))).toEqual({
      quoteId: quote.id,
      version: 1,
      status: 'pending_approval',
      ownerId: 'rep-1',
      dealId: 'deal-1',
      title: 'Website redesign',
      currency: 'EUR',
      total: '2900.00',
      totalMinor: 290_000,
      effectiveDiscountBp: 333,
      largestLineDiscountBp: 333,
      quoteDiscount: null,
      lines: [{ id: 'l1', productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: '100.00', net: '2900.00' }],
      approvalRoute: { approverIds: ['manager-1'], mode: 'any', reasons: ['all quotes'], ruleName: null, submittedBy: 'rep-1' },
    });
  });

  it('answers null for no quote', async () => {
    await expect(new GetQuoteSnapshotHandler(new MemoryQuotes()).execute(new GetQuoteSnapshotQuery('nothing'))).resolves.toBeNull();
  });
});
