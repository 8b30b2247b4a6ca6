import type { WorkflowCondition, WorkflowTrigger } from './workflow-definition';

/** What the engine knows of a record when an event arrives: its properties by name. */
export type RecordSnapshot = Record<string, unknown>;

export interface TriggerEvent {
  name: string;
  payload: Record<string, unknown>;
}

/** Whether an event on a record fires a trigger. */
export function matchesTrigger(trigger: WorkflowTrigger, event: TriggerEvent): boolean {
  switch (trigger.type) {
    case 'status_becomes':
      // A status change event carries the new and previous status; "becomes" means it changed to it.
      return event.payload['status'] === trigger.status && event.payload['previousStatus'] !== trigger.status;
    case 'property_changes':
      return (
        event.name === 'workflows.property.changed.v1' &&
        event.payload['property'] === trigger.property &&
        (trigger.value === undefined || event.payload['value'] === trigger.value)
      );
    case 'event':
      return event.name === trigger.eventName;
  }
}

function comparable(value: unknown): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return String(value);
}

export function conditionHolds(condition: WorkflowCondition, record: RecordSnapshot): boolean {
  const actual = record[condition.property];
  const expected = condition.value;
  switch (condition.operator) {
    case 'is_set':
      return comparable(actual) !== null;
    case 'is_not_set':
      return comparable(actual) === null;
    case 'eq':
      return comparable(actual) === comparable(expected);
    case 'neq':
      return comparable(actual) !== comparable(expected);
    case 'in':
      return Array.isArray(expected) && expected.some((v) => comparable(v) === comparable(actual));
    case 'contains':
      return typeof actual === 'string' && typeof expected === 'string' && actual.toLowerCase().includes(expected.toLowerCase());
    default: {
      const a = comparable(actual);
      const b = comparable(expected as unknown);
      if (typeof a !== 'number' || typeof b !== 'number') return false;
      return condition.operator === 'gt' ? a > b : condition.operator === 'gte' ? a >= b : condition.operator === 'lt' ? a < b : a <= b;
    }
  }
}

/** All conditions must hold (AND); no conditions: always. */
export function conditionsHold(conditions: readonly WorkflowCondition[], record: RecordSnapshot): boolean {
  return conditions.every((c) => conditionHolds(c, record));
}
