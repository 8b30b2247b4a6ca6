// Test-only: API answers for the tasks, notifications and workflows specs.
import type { ApiSchemas } from '@qa/shared-api-client';

export const rita: ApiSchemas['MeResponse'] = { id: 'u-rita', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' };
export const max: ApiSchemas['MeResponse'] = { id: 'u-max', email: 'manager@example.com', name: 'Max Manager', role: 'manager' };

export function task(overrides: Partial<ApiSchemas['TaskResponse']> = {}): ApiSchemas['TaskResponse'] {
  return {
    id: 't-1',
    title: 'Review Q-2026-0001',
    notes: '',
    message: null,
    assigneeId: 'u-rita',
    relatedType: 'quote',
    relatedId: 'q-1',
    dueOn: '2030-01-31',
    priority: 'medium',
    status: 'open',
    createdByType: 'workflow',
    createdById: 'wf-1',
    createdAt: '2026-11-01T10:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function notification(overrides: Partial<ApiSchemas['NotificationResponse']> = {}): ApiSchemas['NotificationResponse'] {
  return {
    id: 'n-1',
    title: 'Q-2026-0001 was approved',
    body: 'You can share it with your contacts now.',
    message: null,
    link: '/quotes/q-1',
    createdAt: '2026-11-01T10:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** The built-in actions as GET /api/v1/workflows/actions describes them (a subset). */
export const catalogue: ApiSchemas['ActionDescriptionResponse'][] = [
  {
    key: 'create_task',
    label: 'Create task',
    description: 'Creates a task tied to the record.',
    params: [
      { name: 'assignee', label: 'Assignee', type: 'text', required: true, help: 'owner, approver, or a user id' },
      { name: 'title', label: 'Title', type: 'template', required: true, requiredUnless: 'message' },
      { name: 'dueInDays', label: 'Due in days', type: 'number', required: false },
      { name: 'priority', label: 'Priority', type: 'select', required: false, options: ['low', 'medium', 'high'] },
    ],
  },
  {
    key: 'set_property',
    label: 'Set property value',
    description: 'Sets a property of the record (kept with its history).',
    params: [
      { name: 'property', label: 'Property', type: 'text', required: true },
      { name: 'value', label: 'Value', type: 'template', required: true, help: 'Text; an empty value clears the property' },
    ],
  },
  {
    key: 'send_notification',
    label: 'Send notification',
    description: 'Notifies a user in the app (and by e-mail when configured).',
    params: [
      { name: 'recipient', label: 'Recipient', type: 'text', required: true, help: 'owner, approver, or a user id' },
      { name: 'title', label: 'Title', type: 'template', required: true },
    ],
  },
  {
    key: 'update_deal_stage',
    label: 'Update deal stage',
    description: "Moves the record's deal to a pipeline stage.",
    params: [{ name: 'stage', label: 'Stage', type: 'select', required: true, options: ['qualified_to_buy', 'closed_won'] }],
  },
  {
    key: 'send_webhook',
    label: 'Send webhook',
    description: 'POSTs the record and event as JSON.',
    params: [
      { name: 'url', label: 'URL', type: 'url', required: true },
      { name: 'dryRun', label: 'Dry run', type: 'boolean', required: false, help: 'Only log the request' },
    ],
  },
];

export function workflow(overrides: Partial<ApiSchemas['WorkflowResponse']> = {}): ApiSchemas['WorkflowResponse'] {
  return {
    id: 'wf-1',
    name: 'When quotes need approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval' },
    conditions: [],
    reenrollment: 'always',
    actions: [
      { key: 'create_task', params: { assignee: 'approver', title: 'Review {{record.number}}', priority: 'high' } },
      { key: 'set_property', params: { property: 'approval_status', value: 'pending' } },
    ],
    setKey: 'quote-approvals-v1',
    version: 3,
    runs: 2,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** The body of a PUT of `source` as it stands (what the API takes back: no id, runs or updatedAt), with `overrides`. */
export function workflowRequest(source: ApiSchemas['WorkflowResponse'], overrides: Partial<ApiSchemas['UpdateWorkflowRequest']> = {}): ApiSchemas['UpdateWorkflowRequest'] {
  const { id: _id, runs: _runs, updatedAt: _updatedAt, ...body } = source;
  return { ...body, ...overrides };
}

export function run(overrides: Partial<ApiSchemas['RunResponse']> = {}): ApiSchemas['RunResponse'] {
  return {
    id: 'run-1',
    workflowId: 'wf-1',
    workflowName: 'When quotes need approval',
    recordType: 'quote',
    recordId: 'q-1',
    status: 'succeeded',
    createdAt: '2026-11-01T10:00:00.000Z',
    finishedAt: '2026-11-01T10:00:02.000Z',
    steps: [
      { index: 0, actionKey: 'create_task', status: 'succeeded', attempts: 1, startedAt: null, finishedAt: null, resumeAt: null, error: null, output: { taskId: 't-1' } },
      { index: 1, actionKey: 'set_property', status: 'succeeded', attempts: 1, startedAt: null, finishedAt: null, resumeAt: null, error: null, output: { property: 'approval_status', value: 'pending' } },
    ],
    ...overrides,
  };
}
