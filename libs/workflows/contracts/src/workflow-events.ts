import { integrationEvent } from '@qa/shared-kernel';

/** A workflow's definition as events carry it: everything but write-only params (webhook secrets). */
export interface WorkflowDefinitionPayload extends Record<string, unknown> {
  workflowId: string;
  name: string;
  enabled: boolean;
  objectType: string;
  trigger: Record<string, unknown>;
  conditions: Array<Record<string, unknown>>;
  reenrollment: string;
  actions: Array<{ key: string; params: Record<string, unknown> }>;
  setKey: string | null;
}

/** A workflow was created (by an admin, or by "Set approver and create workflows"). */
export const WorkflowCreated = integrationEvent<WorkflowDefinitionPayload>('workflows.workflow.created.v1');
/** A workflow was changed (edited, switched on or off, a webhook secret rotated): the definition after. */
export const WorkflowChanged = integrationEvent<WorkflowDefinitionPayload>('workflows.workflow.changed.v1');
