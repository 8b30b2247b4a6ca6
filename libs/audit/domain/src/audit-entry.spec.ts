import { describe, expect, it } from 'vitest';
import { AuditEntry } from './audit-entry';

const entry = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  AuditEntry.record({
    eventId: '0193a1b2-0000-7000-8000-000000000001',
    occurredAt: new Date('2026-12-02T10:00:00Z'),
    actorType: 'user',
    actorId: 'u1',
    action: 'approvals.settings.changed',
    subjectType: 'approval-settings',
    subjectId: 'approval-settings',
    subjectLabel: null,
    before,
    after,
    correlationId: 'c1',
  });

describe('AuditEntry.changes', () => {
  it('lists the fields whose value changed, with both values, by field name', () => {
    expect(entry({ requireApproval: false, defaultApproverId: 'a', rules: [] }, { requireApproval: true, defaultApproverId: 'a', rules: [{ min: 10 }] }).changes()).toEqual([
      { field: 'requireApproval', before: false, after: true },
      { field: 'rules', before: [], after: [{ min: 10 }] },
    ]);
  });

  it('lists every field of a subject that is new or removed', () => {
    expect(entry(null, { name: 'Follow up', enabled: true }).changes()).toEqual([
      { field: 'enabled', before: null, after: true },
      { field: 'name', before: null, after: 'Follow up' },
    ]);
    expect(entry({ name: 'Follow up' }, null).changes()).toEqual([{ field: 'name', before: 'Follow up', after: null }]);
  });

  it('finds no change when the state is the same', () => {
    expect(entry({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }).changes()).toEqual([]);
  });
});
