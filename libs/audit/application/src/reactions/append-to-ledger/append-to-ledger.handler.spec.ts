import { GENESIS_HASH, verifyLedger } from '@qa/audit-domain';
import { integrationEventSubscription, ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '../../testing/in-memory-ledger';
import { auditedEvent } from '../../testing/in-memory-audit';
import { ledgerSha256 } from '../../shared/ledger-sha256';
import { AppendToLedgerWhenApprovalEventHappensHandler } from './append-to-ledger.handler';

const quote = { quoteId: 'q1', number: 'Q-2026-0001', title: 'Website', ownerId: 'rep-1', status: 'pending_approval', previousStatus: 'draft', currency: 'EUR', totalMinor: 100000, effectiveDiscountBp: 0, largestLineDiscountBp: 0, dealId: 'd1', expiresOn: '2026-12-31' };
const route = { policyVersion: 4, steps: [{ groups: [{ approverIds: ['m1'], mode: 'any', refs: [{ kind: 'manager', levels: 1 }], ruleIds: ['r1'], notes: [] }] }], rules: [{ ruleId: 'r1', ruleName: 'Big deals', reasons: [{ code: 'always' }] }] };
const request = { requestId: 'a1', quoteId: 'q1', round: 1, ownerId: 'rep-1', approverIds: ['m1'], step: 1, steps: 1, notes: null, decidedBy: null };
const activity = { kind: 'reassigned', step: 0, from: 'm1', to: 'm2', by: 'admin-1', note: 'On leave', reason: null, at: '2026-12-02T10:00:03.000Z' };

describe('appending to the approval ledger when an approval event happens', () => {
  it('appends each recorded event once, chained, with its kind, quote, actor and canonical payload', async () => {
    const ledger = new MemoryLedger();
    const handler = new AppendToLedgerWhenApprovalEventHappensHandler(ledger, new ManualClock('2026-12-02T10:05:00Z'));
    const events = [
      auditedEvent('quotes.quote.submitted.v1', quote, 1, 'rep-1'),
      auditedEvent('approvals.request.opened.v1', { ...request, route }, 2, null),
      auditedEvent('approvals.request.reassigned.v1', { ...request, approverIds: ['m2'], activity }, 3),
      auditedEvent('approvals.request.approved.v1', { ...request, decidedBy: 'm2', notes: 'Fine', limits: null }, 4, 'm2'),
      auditedEvent('quotes.quote.signed.v1', { ...quote, status: 'signed', signerName: 'Pat Buyer', signerEmail: 'pat@example.com' }, 5, null),
      { ...auditedEvent('approvals.settings.changed.v1', { requireApproval: true, defaultApproverId: 'm1', approvalsActive: true }, 6), aggregateVersion: 5 },
    ];
    for (const event of events) await handler.handle(event);
    expect(ledger.entries.map((e) => [e.seq, e.kind, e.quoteId, e.actorType, e.actorId])).toEqual([
      [1, 'submitted', 'q1', 'user', 'rep-1'],
      [2, 'route-resolved', 'q1', 'system', null],
      [3, 'reassigned', 'q1', 'user', 'admin-1'],
      [4, 'approved', 'q1', 'user', 'm2'],
      [5, 'signed', 'q1', 'system', null],
      [6, 'policy-changed', null, 'user', 'admin-1'],
    ]);
    expect(JSON.parse(ledger.entries[1].payload)).toEqual({ requestId: 'a1', round: 1, steps: 1, step: 1, approverIds: ['m1'], policyVersion: 4, route });
    expect(ledger.entries[1].payload.startsWith('{"approverIds":["m1"],"policyVersion":4,"requestId":"a1","round":1,"route":{"policyVersion":4,"rules":')).toBe(true);
    expect(JSON.parse(ledger.entries[2].payload)).toMatchObject({ activity: { kind: 'reassigned', from: 'm1', to: 'm2', note: 'On leave' } });
    expect(JSON.parse(ledger.entries[4].payload)).toMatchObject({ status: 'signed', signerName: 'Pat Buyer', signerEmail: 'pat@example.com' });
    expect(JSON.parse(ledger.entries[5].payload)).toEqual({ requireApproval: true, defaultApproverId: 'm1', approvalsActive: true, policyVersion: 5 });
    expect([ledger.entries[0].prevHash, ledger.entries[1].prevHash, ledger.entries[0].recordedAt]).toEqual([GENESIS_HASH, ledger.entries[0].hash, new Date('2026-12-02T10:05:00Z')]);
    expect(verifyLedger(ledger.entries, ledgerSha256)).toEqual({ ok: true, entries: 6, lastHash: ledger.entries[5].hash });

    await handler.handle(events[3]);
    expect(ledger.entries).toHaveLength(6);
  });

  it('names a step approved before the last by the step decided; ignores events it does not record', async () => {
    const ledger = new MemoryLedger();
    const handler = new AppendToLedgerWhenApprovalEventHappensHandler(ledger, new ManualClock());
    await handler.handle(auditedEvent('approvals.request.step-started.v1', { ...request, step: 2, steps: 2, approverIds: ['d1'], decidedBy: 'm1' }, 1, 'm1'));
    await handler.handle(auditedEvent('quotes.quote.updated.v1', quote, 2));
    await handler.handle(auditedEvent('approvals.request.reminded.v1', { ...request, activity: { ...activity, kind: 'reminded' } }, 3));
    expect(ledger.entries.map((e) => [e.kind, JSON.parse(e.payload)])).toEqual([['step-approved', { requestId: 'a1', round: 1, steps: 2, step: 1, decidedBy: 'm1', notes: null, nextApproverIds: ['d1'] }]]);
  });

  it('subscribes as the audit context to the twelve recorded events', () => {
    const subscription = integrationEventSubscription(AppendToLedgerWhenApprovalEventHappensHandler);
    expect([subscription?.subscriber, subscription?.events]).toEqual([
      'audit',
      [
        'quotes.quote.submitted.v1',
        'approvals.request.opened.v1',
        'approvals.request.step-started.v1',
        'approvals.request.approved.v1',
        'approvals.request.changes-requested.v1',
        'approvals.request.delegated.v1',
        'approvals.request.escalated.v1',
        'approvals.request.reassigned.v1',
        'quotes.quote.withdrawn.v1',
        'quotes.quote.recalled.v1',
        'quotes.quote.signed.v1',
        'approvals.settings.changed.v1',
      ],
    ]);
  });
});
