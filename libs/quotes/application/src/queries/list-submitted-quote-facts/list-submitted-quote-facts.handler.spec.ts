import { CountSubmittedQuotesQuery, ListSubmittedQuoteFactsQuery } from '@qa/quotes-contracts';
import { Quote } from '@qa/quotes-domain';
import { describe, expect, it } from 'vitest';
import { approvalRoute, MemoryQuotes, quoteDetails } from '../../testing/in-memory-quotes';
import { CountSubmittedQuotesHandler, ListSubmittedQuoteFactsHandler } from './list-submitted-quote-facts.handler';

describe('ListSubmittedQuoteFactsHandler (submitted quotes for the dry run)', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 12, minute));
  async function world() {
    const quotes = new MemoryQuotes();
    const make = async (n: number, submitAt: number | null, route: boolean) => {
      const quote = Quote.create({ number: `Q-2026-000${n}`, ownerId: 'rep-1', details: quoteDetails({ companyId: 'company-1' }), now: at(0) });
      if (submitAt !== null) quote.submit(route ? approvalRoute(['manager-1'], 'admin-1') : null, { by: route ? 'admin-1' : 'rep-1', now: at(submitAt) });
      return quotes.add(quote);
    };
    const first = await make(1, 10, true);
    const draft = await make(2, null, false);
    const second = await make(3, 20, false);
    const third = await make(4, 30, true);
    return { quotes, first, draft, second, third };
  }

  it('pages the submitted quotes last submitted first, with who submitted and whether approval was needed', async () => {
    const { quotes, first, second, third } = await world();
    const handler = new ListSubmittedQuoteFactsHandler(quotes);
    const page1 = await handler.execute(new ListSubmittedQuoteFactsQuery(2));
    expect(page1.quotes.map((q) => [q.number, q.submittedBy, q.neededApproval, q.submittedAt])).toEqual([
      ['Q-2026-0004', 'admin-1', true, at(30).toISOString()],
      ['Q-2026-0003', 'rep-1', false, at(20).toISOString()],
    ]);
    expect(page1.quotes[0]).toMatchObject({ quoteId: third.id, ownerId: 'rep-1', currency: 'EUR', dealId: 'deal-1', companyId: 'company-1', paymentTermsDays: 30 });
    expect(page1.next).toBe(`${at(20).toISOString()}|${second.id}`);
    const page2 = await handler.execute(new ListSubmittedQuoteFactsQuery(2, page1.next));
    expect(page2).toMatchObject({ quotes: [{ quoteId: first.id }], next: null });
  });

  it('refuses a cursor it did not give, and counts the submitted quotes up to a cap', async () => {
    const { quotes } = await world();
    await expect(new ListSubmittedQuoteFactsHandler(quotes).execute(new ListSubmittedQuoteFactsQuery(2, 'nonsense'))).rejects.toMatchObject({ code: 'QUOTES.INVALID_CURSOR' });
    const count = new CountSubmittedQuotesHandler(quotes);
    expect(await count.execute(new CountSubmittedQuotesQuery(null))).toBe(3);
    expect(await count.execute(new CountSubmittedQuotesQuery(2))).toBe(2);
  });
});
