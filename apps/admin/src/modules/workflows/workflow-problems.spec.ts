import { describe, expect, it } from 'vitest';
import { problemMessageKey } from './workflow-problems';

describe('problemMessageKey', () => {
  it.each([
    ['name', 'workflows.editor.errors.name'],
    ['trigger.eventName', 'workflows.editor.errors.triggerEvent'],
    ['conditions.3.operator', 'workflows.editor.errors.conditionOperator'],
    ['actions', 'workflows.editor.errors.actions'],
    ['actions.1.key', 'workflows.editor.errors.actionKey'],
  ])('names the app message for a problem at %s', (path, key) => {
    expect(problemMessageKey(path)).toBe(key);
  });

  it('leaves a path it does not know (and near misses) to the API reason', () => {
    expect(problemMessageKey('actions.1.params.title')).toBeNull();
    expect(problemMessageKey('conditions.x.value')).toBeNull();
    expect(problemMessageKey('setKey')).toBeNull();
  });
});
