export interface WorkflowBody {
  name: string;
  enabled: boolean;
  objectType: string;
  trigger: Record<string, unknown>;
  conditions: Array<Record<string, unknown>>;
  reenrollment: string;
  actions: Array<{ key: string; params: Record<string, unknown> }>;
  setKey: string | null;
}

/**
 * A body for POST and PUT /api/v1/workflows: an enabled quote workflow that runs each time a quote
 * goes to Pending approval, with no conditions and no set key. A test overrides what it is about.
 */
export function workflowBody(overrides: Partial<WorkflowBody> = {}): WorkflowBody {
  return {
    name: 'When quotes need approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval' },
    conditions: [],
    reenrollment: 'always',
    actions: [{ key: 'create_task', params: { assignee: 'owner', title: 'Review {{record.number}}' } }],
    setKey: null,
    ...overrides,
  };
}
