import type { SourceRound } from '@qa/analytics-domain';
import { ApprovalRequestApproved, type ApprovalRequestApprovedPayload } from '@qa/approvals-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { ApprovalFactsProjector } from '../../shared/approval-facts-projector';
import { InMemoryFactsStore, InMemoryRoundSource, usersBus } from '../../testing/in-memory-analytics';
import { ProjectApprovalFactsWhenRoundChangesHandler } from './project-approval-facts.handler';

const round = (quoteId: string, n: number, status: SourceRound['status']): SourceRound => ({
  requestId: `${quoteId}-r${n}`,
  quoteId,
  round: n,
  ownerId: 'rita',
  status,
  route: { steps: [{ groups: [{ approverIds: ['max'], ruleIds: ['r-1'] }] }], rules: [{ ruleId: 'r-1', ruleName: 'Manager' }] },
  decisions: status === 'approved' ? [{ approverId: 'max', decision: 'approve', at: '2026-11-02T11:00:00.000Z', step: 0 }] : [],
  activity: [],
  snapshot: { currency: 'EUR', total: '900.00', lines: [{ id: 'l-1', productName: 'Design', quantity: 1, unitPrice: '1000.00', net: '900.00' }] },
  openedAt: new Date('2026-11-02T09:00:00Z'),
  decidedAt: status === 'approved' ? new Date('2026-11-02T11:00:00Z') : null,
});

describe('ProjectApprovalFactsWhenRoundChangesHandler', () => {
  const event = (quoteId: string): IntegrationEvent<ApprovalRequestApprovedPayload> => ({
    id: 'e-1',
    name: ApprovalRequestApproved.name,
    occurredAt: '2026-11-02T11:00:00.000Z',
    aggregateType: 'approval-request',
    aggregateId: `${quoteId}-r1`,
    aggregateVersion: 2,
    actor: { type: 'user', id: 'max' },
    correlationId: 'c-1',
    payload: { requestId: `${quoteId}-r1`, quoteId, round: 1, ownerId: 'rita', approverIds: ['max'], step: 1, steps: 1, notes: null, decidedBy: 'max', limits: null },
  });

  it("projects the event's quote again, with its rep's team, the same each time it runs", async () => {
    const source = new InMemoryRoundSource([round('q-1', 1, 'approved'), round('q-2', 1, 'pending')]);
    const store = new InMemoryFactsStore();
    const handler = new ProjectApprovalFactsWhenRoundChangesHandler(new ApprovalFactsProjector(source, store, usersBus([{ id: 'rita', name: 'Rita Rep', team: 'Sales' }])));
    await handler.handle(event('q-1'));
    await handler.handle(event('q-1'));
    expect(store.replaced).toEqual([['q-1'], ['q-1']]);
    expect([...store.facts.keys()]).toEqual(['q-1']);
    const facts = store.facts.get('q-1')!;
    expect(facts.rounds.map((r) => [r.id, r.outcome, r.repTeam])).toEqual([['q-1:1', 'approved', 'Sales']]);
    expect(facts.decisions.map((d) => [d.approverId, d.durationSeconds])).toEqual([['max', 7200]]);
  });
});
