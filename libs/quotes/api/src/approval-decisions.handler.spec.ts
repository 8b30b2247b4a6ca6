import type { QueryBus } from '@nestjs/cqrs';
import { FindApprovalRequestQuery, type ApprovalRequestPayload, type ApprovalRequestSummary } from '@qa/approvals-contracts';
import { Quote, type QuoteRepository } from '@qa/quotes-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { ApplyApprovalDecisionToQuoteHandler } from './approval-decisions.handler';

const now = new Date('2026-11-26T12:00:00Z');
const route = { approverIds: ['manager-1'], mode: 'any' as const, reasons: ['approval is required on all quotes'], ruleName: 'All quotes', submittedBy: 'rep-1' };

/** A quote Pending approval at `version` (as stored). */
function pendingQuote(version: number): Quote {
  const quote = Quote.create({
    number: 'Q-2026-0001',
    ownerId: 'rep-1',
    now,
    details: {
      title: 'Website redesign',
      dealId: 'deal-1',
      companyId: null,
      recipientContactIds: [],
      currency: 'EUR',
      expiresOn: '2099-12-31',
      quoteDiscount: null,
      commentsForBuyer: '',
      purchaseTerms: '',
      lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 1, unitPriceMinor: 100_000, discount: null, billingPeriod: null }],
    },
  });
  quote.submit(route, { now, by: 'rep-1' });
  quote.pullEvents();
  quote.version = version;
  return quote;
}

function setUp(quote: Quote, round: ApprovalRequestSummary | null) {
  const saved: Quote[] = [];
  const quotes = { findById: async () => quote, save: async (q: Quote) => void saved.push(q) } as unknown as QuoteRepository;
  const asked: unknown[] = [];
  const queries = {
    execute: async (query: unknown) => {
      asked.push(query);
      return query instanceof FindApprovalRequestQuery ? round : null;
    },
  } as unknown as QueryBus;
  return { handler: new ApplyApprovalDecisionToQuoteHandler(quotes, queries), saved, asked };
}

const approved = (quoteId: string): IntegrationEvent<ApprovalRequestPayload> => ({
  id: 'e1',
  name: 'approvals.request.approved.v1',
  occurredAt: now.toISOString(),
  aggregateType: 'approval-request',
  aggregateId: 'r1',
  aggregateVersion: 2,
  actor: { type: 'user', id: 'manager-1' },
  correlationId: 'c1',
  payload: { requestId: 'r1', quoteId, round: 1, ownerId: 'rep-1', approverIds: ['manager-1'], notes: null, decidedBy: 'manager-1' },
});

describe('applying an approval decision to the quote', () => {
  it('approves and publishes the version of the quote the round reviewed', async () => {
    const quote = pendingQuote(2);
    const { handler, saved } = setUp(quote, { requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'approved' });
    await handler.handle(approved(quote.id));
    expect([quote.status, saved.length]).toEqual(['published', 1]);
  });

  it('changes nothing when the quote moved on since the round opened (withdrawn, edited and submitted again)', async () => {
    const quote = pendingQuote(5); // Pending approval again, but a later submission than the round's version 2
    const { handler, saved, asked } = setUp(quote, { requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'approved' });
    await handler.handle(approved(quote.id));
    expect([quote.status, quote.version, saved]).toEqual(['pending_approval', 5, []]);
    expect(asked).toEqual([new FindApprovalRequestQuery('r1')]);
  });

  it('changes nothing for a round approvals does not know, or of another quote', async () => {
    for (const round of [null, { requestId: 'r1', quoteId: 'another-quote', quoteVersion: 2, round: 1, status: 'approved' as const }]) {
      const quote = pendingQuote(2);
      const { handler, saved } = setUp(quote, round);
      await handler.handle(approved(quote.id));
      expect([quote.status, saved]).toEqual(['pending_approval', []]);
    }
  });
});
