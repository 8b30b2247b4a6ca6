import { describe, expect, it } from 'vitest';
import { conditionHolds, conditionsHold, matchesTrigger } from './matching';
import { renderTemplate } from './templating';
import { validateSpec, type WorkflowSpec } from './workflow-definition';

const statusEvent = (status: string, previousStatus: string | null) => ({ name: 'quotes.quote.submitted.v1', payload: { status, previousStatus } });

describe('trigger matching', () => {
  it('fires "status becomes" when the status changes to it, not when it stays', () => {
    const trigger = { type: 'status_becomes' as const, status: 'pending_approval' };
    expect(matchesTrigger(trigger, statusEvent('pending_approval', 'draft'))).toBe(true);
    expect(matchesTrigger(trigger, statusEvent('pending_approval', 'pending_approval'))).toBe(false);
    expect(matchesTrigger(trigger, statusEvent('approved', 'pending_approval'))).toBe(false);
  });

  it('fires "property changes" for that property, and that value when one is given', () => {
    const changed = (property: string, value: unknown) => ({ name: 'workflows.property.changed.v1', payload: { property, value } });
    expect(matchesTrigger({ type: 'property_changes', property: 'approval_status' }, changed('approval_status', 'approved'))).toBe(true);
    expect(matchesTrigger({ type: 'property_changes', property: 'approval_status', value: 'approved' }, changed('approval_status', 'approved'))).toBe(true);
    expect(matchesTrigger({ type: 'property_changes', property: 'approval_status', value: 'approved' }, changed('approval_status', 'pending'))).toBe(false);
    expect(matchesTrigger({ type: 'property_changes', property: 'approval_status' }, changed('approver', 'x'))).toBe(false);
  });

  it('fires an event trigger on that event name only', () => {
    expect(matchesTrigger({ type: 'event', eventName: 'quotes.quote.signed.v1' }, { name: 'quotes.quote.signed.v1', payload: {} })).toBe(true);
    expect(matchesTrigger({ type: 'event', eventName: 'quotes.quote.signed.v1' }, { name: 'quotes.quote.recalled.v1', payload: {} })).toBe(false);
  });
});

describe('conditions', () => {
  const record = { total: '2649.99', effectiveDiscountPercent: '25.00', currency: 'EUR', title: 'Website redesign', approver: null };

  it('compares numbers numerically, also when they arrive as decimal strings', () => {
    expect(conditionHolds({ property: 'effectiveDiscountPercent', operator: 'gt', value: 20 }, record)).toBe(true);
    expect(conditionHolds({ property: 'effectiveDiscountPercent', operator: 'gt', value: '25' }, record)).toBe(false);
    expect(conditionHolds({ property: 'effectiveDiscountPercent', operator: 'gte', value: '25' }, record)).toBe(true);
    expect(conditionHolds({ property: 'total', operator: 'lt', value: 10000 }, record)).toBe(true);
    expect(conditionHolds({ property: 'total', operator: 'lte', value: '2649.98' }, record)).toBe(false);
  });

  it('supports equality, membership, text and presence', () => {
    expect(conditionHolds({ property: 'currency', operator: 'eq', value: 'EUR' }, record)).toBe(true);
    expect(conditionHolds({ property: 'currency', operator: 'neq', value: 'EUR' }, record)).toBe(false);
    expect(conditionHolds({ property: 'currency', operator: 'in', value: ['USD', 'EUR'] }, record)).toBe(true);
    expect(conditionHolds({ property: 'title', operator: 'contains', value: 'REDESIGN' }, record)).toBe(true);
    expect(conditionHolds({ property: 'approver', operator: 'is_not_set' }, record)).toBe(true);
    expect(conditionHolds({ property: 'approver', operator: 'is_set' }, record)).toBe(false);
  });

  it('never treats text as a number in an ordering comparison', () => {
    expect(conditionHolds({ property: 'currency', operator: 'gt', value: 1 }, record)).toBe(false);
  });

  it('requires every condition (and none means always)', () => {
    expect(conditionsHold([], record)).toBe(true);
    expect(conditionsHold([{ property: 'currency', operator: 'eq', value: 'EUR' }, { property: 'total', operator: 'gt', value: 1e6 }], record)).toBe(false);
  });
});

describe('templating', () => {
  it('fills dotted paths and leaves unknown ones empty', () => {
    const context = { record: { number: 'Q-2026-0001', title: 'Website' }, event: { payload: { notes: 'Lower the discount' } } };
    expect(renderTemplate('Review {{ record.number }}: {{record.title}}', context)).toBe('Review Q-2026-0001: Website');
    expect(renderTemplate('Notes: {{event.payload.notes}}', context)).toBe('Notes: Lower the discount');
    expect(renderTemplate('Missing: [{{record.nothing.deeper}}]', context)).toBe('Missing: []');
  });

  it('evaluates nothing', () => {
    expect(renderTemplate('{{constructor.constructor}}{{ 1 + 1 }}', {})).toBe('{{ 1 + 1 }}');
  });
});

describe('workflow definitions', () => {
  const spec = (overrides: Partial<WorkflowSpec> = {}): WorkflowSpec => ({
    name: 'When quotes need approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval' },
    conditions: [],
    reenrollment: 'always',
    actions: [{ key: 'create_task', params: {} }],
    setKey: null,
    ...overrides,
  });

  it('accepts a complete definition and names the field of a broken one', () => {
    expect(() => validateSpec(spec(), ['create_task'])).not.toThrow();
    expect(() => validateSpec(spec({ actions: [] }), ['create_task'])).toThrow(expect.objectContaining({ code: 'WORKFLOWS.INVALID_DEFINITION', details: { fields: [{ field: 'actions', reason: expect.any(String) }] } }));
    expect(() => validateSpec(spec({ actions: [{ key: 'launch_rocket', params: {} }] }), ['create_task'])).toThrow(/actions.0.key: unknown action launch_rocket/);
    expect(() => validateSpec(spec({ trigger: { type: 'event', eventName: 'whatever' } }), ['create_task'])).toThrow(/trigger.eventName/);
  });
});
