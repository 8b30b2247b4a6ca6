import { integrationEventSubscription } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { auditedEvent, MemoryAuditEntries } from '../../testing/in-memory-audit';
import { RecordAuditEntryWhenAuditedChangeHappensHandler } from './record-audit-entry.handler';

const quote = (status: string, totalMinor: number) => ({
  quoteId: 'q1',
  number: 'Q-2026-0001',
  title: 'Website',
  ownerId: 'rep-1',
  status,
  previousStatus: null,
  currency: 'EUR',
  totalMinor,
  effectiveDiscountBp: 0,
  largestLineDiscountBp: 0,
  dealId: 'd1',
  expiresOn: '2026-12-31',
});

describe('recording an audit entry when an audited change happens', () => {
  it('records who changed what and when, the previous entry’s state as before', async () => {
    const entries = new MemoryAuditEntries();
    const handler = new RecordAuditEntryWhenAuditedChangeHappensHandler(entries);
    const first = auditedEvent('approvals.settings.changed.v1', { requireApproval: false, rules: [] }, 1);
    await handler.handle(first);
    await handler.handle(auditedEvent('approvals.settings.changed.v1', { requireApproval: true, rules: [] }, 2));
    expect(entries.entries.map((e) => [e.eventId === first.id, e.action, e.actorId, e.subjectType, e.subjectId, e.before, e.after])).toEqual([
      [true, 'approvals.settings.changed', 'admin-1', 'approval-settings', 'approval-settings', null, { requireApproval: false, rules: [] }],
      [false, 'approvals.settings.changed', 'admin-1', 'approval-settings', 'approval-settings', { requireApproval: false, rules: [] }, { requireApproval: true, rules: [] }],
    ]);
    expect(entries.entries[1].changes()).toEqual([{ field: 'requireApproval', before: false, after: true }]);
    expect([entries.entries[0].occurredAt, entries.entries[0].correlationId]).toEqual([new Date('2026-12-02T10:00:01Z'), first.correlationId]);
  });

  it('records a quote’s edits only once it has an entry (a draft never submitted is private)', async () => {
    const entries = new MemoryAuditEntries();
    const handler = new RecordAuditEntryWhenAuditedChangeHappensHandler(entries);
    await handler.handle(auditedEvent('quotes.quote.updated.v1', quote('draft', 100), 1, 'rep-1'));
    expect(entries.entries).toEqual([]);
    await handler.handle(auditedEvent('quotes.quote.submitted.v1', quote('pending_approval', 100), 2, 'rep-1'));
    await handler.handle(auditedEvent('quotes.quote.updated.v1', quote('pending_approval', 200), 3, 'rep-1'));
    expect(entries.entries.map((e) => [e.action, e.subjectLabel, e.changes().map((c) => c.field)])).toEqual([
      ['quotes.quote.submitted', 'Q-2026-0001', ['currency', 'dealId', 'effectiveDiscountBp', 'expiresOn', 'largestLineDiscountBp', 'ownerId', 'status', 'title', 'totalMinor']],
      ['quotes.quote.updated', 'Q-2026-0001', ['totalMinor']],
    ]);
  });

  it('records an edit of a quote approved with limits with its code: within them, or beyond them (back to Draft)', async () => {
    const entries = new MemoryAuditEntries();
    const handler = new RecordAuditEntryWhenAuditedChangeHappensHandler(entries);
    await handler.handle(auditedEvent('quotes.quote.submitted.v1', quote('published', 100), 1, 'rep-1'));
    const within = { code: 'changed-within-approved-limits', broken: [] };
    await handler.handle(auditedEvent('quotes.quote.updated.v1', { ...quote('published', 90), approvalLimitsCheck: within }, 2, 'rep-1'));
    const exceeded = { code: 'approval-limits-exceeded', broken: [{ bound: 'minTotal', limit: '80.00', actual: '0.70', currency: 'EUR' }] };
    await handler.handle(auditedEvent('quotes.quote.updated.v1', { ...quote('draft', 70), approvalLimitsCheck: exceeded }, 3, 'rep-1'));
    expect(entries.entries.slice(1).map((e) => [e.after?.['status'], e.after?.['approvalLimitsCheck']])).toEqual([
      ['published', 'changed-within-approved-limits'],
      ['draft', 'approval-limits-exceeded'],
    ]);
  });

  it('ignores events it does not audit, and subscribes as the audit context to those it does', async () => {
    const entries = new MemoryAuditEntries();
    await new RecordAuditEntryWhenAuditedChangeHappensHandler(entries).handle(auditedEvent('quotes.quote.signed.v1', quote('signed', 100)));
    expect(entries.entries).toEqual([]);
    const subscription = integrationEventSubscription(RecordAuditEntryWhenAuditedChangeHappensHandler);
    expect([subscription?.subscriber, subscription?.events.length, subscription?.events.includes('identity.user.role-changed.v1'), subscription?.events.includes('identity.user.org-changed.v1')]).toEqual([
      'audit',
      17,
      true,
      true,
    ]);
  });
});
