import { GetQuoteSnapshotQuery } from '@qa/quotes-contracts';
import { describe, expect, it } from 'vitest';
import { approvalRoute, draftQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { GetQuoteSnapshotHandler } from './get-quote-snapshot.handler';

describe('GetQuoteSnapshotHandler', () => {
  it('answers other contexts with the quote’s content and its route while Pending approval', async () => {
    const quotes = new MemoryQuotes();
    const quote = draftQuote({ lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: { kind: 'amount', amountMinor: 10_000 }, billingPeriod: 'one_time' }] });
    quote.submit(approvalRoute(['manager-1']), { by: 'rep-1' });
    await quotes.add(quote);
    expect(await new GetQuoteSnapshotHandler(quotes).execute(new GetQuoteSnapshotQuery(quote.id))).toEqual({
      quoteId: quote.id,
      number: 'Q-2026-0001',
      version: 1,
      status: 'pending_approval',
      ownerId: 'rep-1',
      dealId: 'deal-1',
      companyId: 'company-1',
      companyName: 'Acme BV',
      title: 'Website redesign',
      currency: 'EUR',
      total: '2900.00',
      totalMinor: 290_000,
      effectiveDiscountBp: 333,
      largestLineDiscountBp: 333,
      discountMinor: 10_000,
      quoteDiscount: null,
      expiresOn: '2099-12-31',
      paymentTermsDays: 30,
      language: 'en',
      lines: [{ id: 'l1', productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: '100.00', net: '2900.00', billingPeriod: 'one_time' }],
      approvalRoute: approvalRoute(['manager-1']),
      // EUR 100.00 off the line's EUR 3,000.00, as the exact share approval limits read.
      limitFigures: { currency: 'EUR', totalMinor: 290_000, discounts: [{ on: 'line', lineId: 'l1', productName: 'Design', part: 10_000, whole: 300_000 }] },
    });
  });

  it('answers the facts approval routing needs: payment terms, expiry, company, the discount amount and each line’s billing period', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(
      draftQuote({
        paymentTermsDays: 45,
        expiresOn: '2099-06-30',
        quoteDiscount: { kind: 'amount', amountMinor: 10_000 },
        lineItems: [
          { id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: { kind: 'amount', amountMinor: 10_000 } },
          { id: 'l2', productName: 'Hosting', description: '', quantity: 1, unitPriceMinor: 4_999, discount: null, billingPeriod: 'monthly' },
        ],
      }),
    );
    const snapshot = await new GetQuoteSnapshotHandler(quotes).execute(new GetQuoteSnapshotQuery(quote.id));
    // gross 304,999; lines 10,000 off, the quote 10,000 off: total 284,999, 20,000 given off in all.
    expect(snapshot).toMatchObject({
      status: 'draft',
      companyId: 'company-1',
      expiresOn: '2099-06-30',
      paymentTermsDays: 45,
      totalMinor: 284_999,
      discountMinor: 20_000,
      quoteDiscount: '100.00',
      lines: [
        { id: 'l1', net: '2900.00', billingPeriod: 'one_time' },
        { id: 'l2', net: '49.99', billingPeriod: 'monthly' },
      ],
      approvalRoute: null,
    });
  });

  it('answers null for no quote', async () => {
    await expect(new GetQuoteSnapshotHandler(new MemoryQuotes()).execute(new GetQuoteSnapshotQuery('nothing'))).resolves.toBeNull();
  });
});
