import type { QueryBus } from '@nestjs/cqrs';
import { FindApprovalRequestQuery, type ApprovalRequestPayload, type ApprovalRequestSummary } from '@qa/approvals-contracts';
import type { Quote } from '@qa/quotes-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { approvalRoute, draftQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { ApplyApprovalDecisionToQuoteHandler } from './apply-approval-decision.handler';

const now = new Date('2026-11-26T12:00:00Z');
const route = approvalRoute(['manager-1']);

/** A quote Pending approval at `version` (as stored). */
async function pendingQuote(quotes: MemoryQuotes, version: number): Promise<Quote> {
  const quote = draftQuote();
  quote.submit(route, { now, by: 'rep-1' });
  quote.version = version;
  return quotes.add(quote);
}

/** Approvals answering FindApprovalRequestQuery with `round`. */
function approvalsAnswering(round: ApprovalRequestSummary | null) {
  const asked: unknown[] = [];
  const bus = {
    execute: async (query: unknown) => {
      asked.push(query);
      return query instanceof FindApprovalRequestQuery ? round : null;
    },
  } as unknown as QueryBus;
  return { bus, asked };
}

const decided = (name: 'approvals.request.approved.v1' | 'approvals.request.changes-requested.v1', quoteId: string, notes: string | null): IntegrationEvent<ApprovalRequestPayload> => ({
  id: 'e1',
  name,
  occurredAt: now.toISOString(),
  aggregateType: 'approval-request',
  aggregateId: 'r1',
  aggregateVersion: 2,
  actor: { type: 'user', id: 'manager-1' },
  correlationId: 'c1',
  payload: { requestId: 'r1', quoteId, round: 1, ownerId: 'rep-1', approverIds: ['manager-1'], step: 1, steps: 1, notes, decidedBy: 'manager-1' },
});

describe('applying an approval decision to the quote', () => {
  it('approves and publishes the version of the quote the round reviewed', async () => {
    const quotes = new MemoryQuotes();
    const quote = await pendingQuote(quotes, 2);
    const { bus } = approvalsAnswering({ requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'approved' });
    await new ApplyApprovalDecisionToQuoteHandler(quotes, bus).handle(decided('approvals.request.approved.v1', quote.id, 'Fine'));
    expect([quote.status, quote.shareSlug?.length, quotes.saved.length]).toEqual(['published', 32, 1]);
    expect(quote.history.slice(-2).map((h) => [h.status, h.by, h.note])).toEqual([
      ['approved', 'manager-1', 'Fine'],
      ['published', 'manager-1', null],
    ]);
  });

  it('keeps the limits of an approval with limits on the published quote, with its currency', async () => {
    const quotes = new MemoryQuotes();
    const quote = await pendingQuote(quotes, 2);
    const { bus } = approvalsAnswering({ requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'approved' });
    const event = decided('approvals.request.approved.v1', quote.id, null);
    await new ApplyApprovalDecisionToQuoteHandler(quotes, bus).handle({ ...event, payload: { ...event.payload, limits: { maxDiscountPercent: '15.00', minTotal: '2500.00' } } });
    expect([quote.status, quote.approvalLimits]).toEqual(['published', { maxDiscountPercent: '15.00', minTotal: '2500.00', currency: 'EUR' }]);
  });

  it('sends the quote back to its creator with the notes when changes are requested', async () => {
    const quotes = new MemoryQuotes();
    const quote = await pendingQuote(quotes, 2);
    const { bus } = approvalsAnswering({ requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'changes_requested' });
    await new ApplyApprovalDecisionToQuoteHandler(quotes, bus).handle(decided('approvals.request.changes-requested.v1', quote.id, 'Lower the discount'));
    expect([quote.status, quote.approvalRoute, quote.history.at(-1)?.note, quotes.saved.length]).toEqual(['changes_requested', null, 'Lower the discount', 1]);
  });

  it('changes nothing when the quote moved on since the round opened (withdrawn, edited and submitted again)', async () => {
    const quotes = new MemoryQuotes();
    const quote = await pendingQuote(quotes, 5); // Pending approval again, but a later submission than the round's version 2
    const { bus, asked } = approvalsAnswering({ requestId: 'r1', quoteId: quote.id, quoteVersion: 2, round: 1, status: 'approved' });
    await new ApplyApprovalDecisionToQuoteHandler(quotes, bus).handle(decided('approvals.request.approved.v1', quote.id, null));
    expect([quote.status, quote.version, quotes.saved]).toEqual(['pending_approval', 5, []]);
    expect(asked).toEqual([new FindApprovalRequestQuery('r1')]);
  });

  it('changes nothing for a round approvals does not know, or of another quote, and does not ask about a quote no longer pending', async () => {
    for (const round of [null, { requestId: 'r1', quoteId: 'another-quote', quoteVersion: 2, round: 1, status: 'approved' as const }]) {
      const quotes = new MemoryQuotes();
      const quote = await pendingQuote(quotes, 2);
      await new ApplyApprovalDecisionToQuoteHandler(quotes, approvalsAnswering(round).bus).handle(decided('approvals.request.approved.v1', quote.id, null));
      expect([quote.status, quotes.saved]).toEqual(['pending_approval', []]);
    }
    const quotes = new MemoryQuotes();
    const draft = await quotes.add(draftQuote());
    const { bus, asked } = approvalsAnswering(null);
    await new ApplyApprovalDecisionToQuoteHandler(quotes, bus).handle(decided('approvals.request.approved.v1', draft.id, null));
    expect([draft.status, asked, quotes.saved]).toEqual(['draft', [], []]);
  });
});
