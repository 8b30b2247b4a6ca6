import { describe, expect, it } from 'vitest';
import { RecordProperty } from './record-property';

describe('RecordProperty.set: a change of a record property is a history entry and an event', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const record = { recordType: 'quote', recordId: 'q-1', name: 'approval_status' };
  const context = (changesSoFar: number) => ({ by: 'workflow:wf-1', runId: 'run-1', ownerId: 'u-rep', changesSoFar, now });

  it('creates the property, its first change and the event numbered after the record’s earlier changes', () => {
    const result = RecordProperty.set(record, null, 'Pending approval', context(3))!;
    expect(result.property).toMatchObject({ recordType: 'quote', recordId: 'q-1', name: 'approval_status', value: 'Pending approval', updatedAt: now, updatedBy: 'workflow:wf-1' });
    expect(result.change).toMatchObject({ recordType: 'quote', recordId: 'q-1', name: 'approval_status', value: 'Pending approval', previousValue: null, changedAt: now, changedBy: 'workflow:wf-1' });
    expect(result.property.pullEvents()).toEqual([
      {
        name: 'workflows.property.changed.v1',
        payload: { recordType: 'quote', recordId: 'q-1', property: 'approval_status', value: 'Pending approval', previousValue: null, ownerId: 'u-rep', runId: 'run-1' },
        aggregateType: 'quote-property',
        aggregateId: 'q-1',
        aggregateVersion: 4,
        occurredAt: now,
      },
    ]);
  });

  it('changes an existing property, keeping the previous value', () => {
    const existing = RecordProperty.set(record, null, 'Pending approval', context(0))!.property;
    existing.pullEvents();
    const result = RecordProperty.set(record, existing, 'Approved', { ...context(1), by: null, runId: null })!;
    expect(result.property).toBe(existing);
    expect([existing.value, existing.updatedBy]).toEqual(['Approved', null]);
    expect(result.change).toMatchObject({ value: 'Approved', previousValue: 'Pending approval', changedBy: null });
    expect(existing.pullEvents().map((e) => [e.aggregateVersion, e.payload['previousValue'], e.payload['runId']])).toEqual([[2, 'Pending approval', null]]);
  });

  it('changes nothing and records nothing when the property has that value already', () => {
    const existing = RecordProperty.set(record, null, 'Approved', context(0))!.property;
    existing.pullEvents();
    expect(RecordProperty.set(record, existing, 'Approved', context(1))).toBeNull();
    expect(existing.pullEvents()).toEqual([]);
  });

  it('records a first value even when it is empty (null)', () => {
    expect(RecordProperty.set(record, null, null, context(0))?.change).toMatchObject({ value: null, previousValue: null });
  });
});
