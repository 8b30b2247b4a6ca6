import { ActionRegistry } from './actions/action-registry';
import { builtInActions } from './actions/built-in-actions';
import { BeginStepHandler } from './commands/begin-step/begin-step.handler';
import { CreateWorkflowHandler } from './commands/create-workflow/create-workflow.handler';
import { RecordStepFailureHandler } from './commands/record-step-failure/record-step-failure.handler';
import { RetryWorkflowRunHandler } from './commands/retry-workflow-run/retry-workflow-run.handler';
import { RotateWebhookSecretHandler } from './commands/rotate-webhook-secret/rotate-webhook-secret.handler';
import { RunStepHandler } from './commands/run-step/run-step.handler';
import { UpdateWorkflowHandler } from './commands/update-workflow/update-workflow.handler';
import { RestoreWorkflowVersionHandler } from './commands/restore-workflow-version/restore-workflow-version.handler';
import { GetWorkflowVersionHandler, ListWorkflowVersionsHandler } from './queries/list-workflow-versions/list-workflow-versions.handler';
import { CompareWorkflowVersionsHandler } from './queries/compare-workflow-versions/compare-workflow-versions.handler';
import { FindRecordPropertiesHandler } from './queries/find-record-properties/find-record-properties.handler';
import { FindNextStepHandler } from './queries/find-next-step/find-next-step.handler';
import { GetRecordPropertiesHandler } from './queries/get-record-properties/get-record-properties.handler';
import { GetWorkflowHandler } from './queries/get-workflow/get-workflow.handler';
import { GetWorkflowRunHandler } from './queries/get-workflow-run/get-workflow-run.handler';
import { ListOverdueStepsHandler } from './queries/list-overdue-steps/list-overdue-steps.handler';
import { ListWorkflowActionsHandler } from './queries/list-workflow-actions/list-workflow-actions.handler';
import { ListWorkflowRunsHandler } from './queries/list-workflow-runs/list-workflow-runs.handler';
import { ListWorkflowsHandler } from './queries/list-workflows/list-workflows.handler';
import { InstallApprovalWorkflowsWhenSettingsChangedHandler } from './quote-approvals/reactions/install-approval-workflows-when-settings-changed/install-approval-workflows-when-settings-changed.handler';
import { EnrolRecordsWhenEventHandler } from './reactions/enrol-records-when-event/enrol-records-when-event.handler';

/** The use cases (commands and queries), the action registry and the built-in actions: for the API and the worker. */
export const workflowsApplicationProviders = [
  ActionRegistry,
  ...builtInActions,
  CreateWorkflowHandler,
  UpdateWorkflowHandler,
  // Versions of workflows: history, compare, restore.
  RestoreWorkflowVersionHandler,
  ListWorkflowVersionsHandler,
  GetWorkflowVersionHandler,
  CompareWorkflowVersionsHandler,
  RotateWebhookSecretHandler,
  RetryWorkflowRunHandler,
  BeginStepHandler,
  RunStepHandler,
  RecordStepFailureHandler,
  ListWorkflowsHandler,
  GetWorkflowHandler,
  ListWorkflowRunsHandler,
  GetWorkflowRunHandler,
  ListWorkflowActionsHandler,
  GetRecordPropertiesHandler,
  FindRecordPropertiesHandler,
  FindNextStepHandler,
  ListOverdueStepsHandler,
];

/** The reactions to integration events: the worker's WorkflowsWorkerModule registers them. */
export const workflowsReactions = [EnrolRecordsWhenEventHandler, InstallApprovalWorkflowsWhenSettingsChangedHandler];
