import { describe, expect, it } from 'vitest';
import { compareWorkflows, type WorkflowSnapshot } from './workflow-version';

const snapshot = (overrides: Partial<WorkflowSnapshot> = {}): WorkflowSnapshot => ({
  name: 'Notify on approval',
  enabled: true,
  objectType: 'quote',
  trigger: { type: 'status_becomes', status: 'approved' },
  conditions: [],
  reenrollment: 'always',
  actions: [{ key: 'send_notification', params: { recipient: 'owner', title: 'Approved' } }],
  setKey: null,
  ...overrides,
});

describe('compareWorkflows', () => {
  it('finds nothing between a workflow and itself', () => {
    expect(compareWorkflows(snapshot(), snapshot())).toEqual([]);
  });

  it('names changed fields with both values, and actions added, removed or changed by position', () => {
    const next = snapshot({
      name: 'Tell the owner',
      enabled: false,
      actions: [
        { key: 'send_notification', params: { recipient: 'owner', title: 'Approved!' } },
        { key: 'create_task', params: { assignee: 'owner', title: 'Send it' } },
      ],
    });
    expect(compareWorkflows(snapshot(), next)).toEqual([
      { code: 'field-changed', path: 'name', actionKey: null, from: 'Notify on approval', to: 'Tell the owner' },
      { code: 'field-changed', path: 'enabled', actionKey: null, from: true, to: false },
      { code: 'action-changed', path: 'actions.0', actionKey: 'send_notification', from: snapshot().actions[0], to: next.actions[0] },
      { code: 'action-added', path: 'actions.1', actionKey: 'create_task', from: null, to: next.actions[1] },
    ]);
    expect(compareWorkflows(next, snapshot()).map((d) => [d.code, d.path])).toEqual([
      ['field-changed', 'name'],
      ['field-changed', 'enabled'],
      ['action-changed', 'actions.0'],
      ['action-removed', 'actions.1'],
    ]);
  });
});
