// @qa/workflows-application: the workflow engine, the action registry and the built-in actions.
import { ActionRegistry } from './action-registry';
import { builtInActions } from './actions/built-in.actions';
import { WorkflowEngine } from './workflow-engine';
import { WorkflowsService } from './workflows.service';

export * from './ports';
export * from './workflow-action';
export * from './action-registry';
export * from './actions/built-in.actions';
export * from './actions/webhook-address-guard';
export * from './actions/webhook-secrets';
export * from './workflow-engine';
export * from './workflows.service';

export const workflowsApplicationProviders = [ActionRegistry, WorkflowEngine, WorkflowsService, ...builtInActions];
export * from './quote-approval-workflows';
