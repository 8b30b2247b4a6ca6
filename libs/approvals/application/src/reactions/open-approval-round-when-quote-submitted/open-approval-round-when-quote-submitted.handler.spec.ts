import { QuoteSubmitted, QuoteWithdrawn, type QuoteEventPayload, type QuoteStatus } from '@qa/quotes-contracts';
import type { IntegrationEvent, IntegrationEventType } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld } from '../../testing/in-memory-approvals';
import { OpenApprovalRoundWhenQuoteSubmittedHandler } from './open-approval-round-when-quote-submitted.handler';

const event = (type: IntegrationEventType<QuoteEventPayload>, status: QuoteStatus, version: number): IntegrationEvent<QuoteEventPayload> => ({
  id: `e-${version}`,
  name: type.name,
  occurredAt: '2026-11-26T10:00:00Z',
  aggregateType: 'quote',
  aggregateId: 'q1',
  aggregateVersion: version,
  actor: { type: 'user', id: 'rep-1' },
  correlationId: 'c1',
  payload: {
    quoteId: 'q1',
    number: 'Q-2026-0001',
    title: 'Website redesign',
    ownerId: 'rep-1',
    status,
    previousStatus: 'draft',
    currency: 'EUR',
    totalMinor: 1_250_000,
    effectiveDiscountBp: 2500,
    largestLineDiscountBp: 2500,
    dealId: 'deal-1',
    expiresOn: '2026-12-31',
  },
});

describe('OpenApprovalRoundWhenQuoteSubmittedHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let reaction: OpenApprovalRoundWhenQuoteSubmittedHandler;

  beforeEach(() => {
    world = approvalsWorld();
    reaction = new OpenApprovalRoundWhenQuoteSubmittedHandler(world.bus.commands);
  });

  it('opens a round for the version submitted into Pending approval', async () => {
    await reaction.handle(event(QuoteSubmitted, 'pending_approval', 3));
    expect([...world.requests.requests.values()].map((r) => [r.round, r.quoteVersion, r.status, r.approverIds])).toEqual([[1, 3, 'pending', ['manager-1']]]);
  });

  it('opens nothing for a quote submitted without approval, or for a version since replaced', async () => {
    await reaction.handle(event(QuoteSubmitted, 'approval_not_needed', 3));
    await reaction.handle(event(QuoteSubmitted, 'pending_approval', 2));
    expect(world.requests.requests.size).toBe(0);
  });

  it('cancels the pending round when the quote is withdrawn', async () => {
    await reaction.handle(event(QuoteSubmitted, 'pending_approval', 3));
    await reaction.handle(event(QuoteWithdrawn, 'draft', 4));
    expect([...world.requests.requests.values()].map((r) => r.status)).toEqual(['cancelled']);
  });
});
