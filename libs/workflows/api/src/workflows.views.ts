// How the workflows endpoints read requests and show workflows and runs.
import { WEBHOOK_ACTION_KEY, withoutWriteOnlyParams, WRITE_ONLY_PARAMS, type IssuedSecret, type RunWithSteps } from '@qa/workflows-application';
import { WorkflowErrors, type WorkflowActionSpec, type WorkflowDefinition, type WorkflowSpec } from '@qa/workflows-domain';
import type { ActionResponse, RunResponse, WorkflowRequest, WorkflowResponse } from './workflows.dtos';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
/** An action as responses show it: never a secret, only whether one is set (and its last 4 characters). */
export const actionView = (action: WorkflowActionSpec): ActionResponse => {
  const view: ActionResponse = { key: action.key, params: withoutWriteOnlyParams(action.params) };
  if (action.key === WEBHOOK_ACTION_KEY) {
    const secret = action.params?.['secret'];
    view.secretSet = typeof secret === 'string' && secret.length > 0;
    view.secretLast4 = view.secretSet ? (secret as string).slice(-4) : null;
  }
  return view;
};
export const workflowView = (w: WorkflowDefinition, runs: number, issuedSecrets?: IssuedSecret[]): WorkflowResponse => ({
  id: w.id,
  name: w.name,
  enabled: w.enabled,
  objectType: w.objectType,
  trigger: w.trigger,
  conditions: w.conditions,
  reenrollment: w.reenrollment,
  actions: w.actions.map(actionView),
  setKey: w.setKey,
  version: w.version ?? 1,
  runs,
  updatedAt: new Date(w.updatedAt).toISOString(),
  ...(issuedSecrets?.length ? { issuedSecrets: issuedSecrets.map(({ actionIndex, secretId, secret }) => ({ actionIndex, secretId, secret })) } : {}),
});
export const runView = ({ run, steps }: RunWithSteps): RunResponse => ({
  id: run.id,
  workflowId: run.workflowId,
  workflowName: run.workflowName,
  recordType: run.recordType,
  recordId: run.recordId,
  status: run.status,
  createdAt: new Date(run.createdAt).toISOString(),
  finishedAt: iso(run.finishedAt),
  steps: steps.map((s) => ({
    index: s.index,
    actionKey: s.actionKey,
    status: s.status,
    attempts: s.attempts,
    startedAt: iso(s.startedAt),
    finishedAt: iso(s.finishedAt),
    resumeAt: iso(s.resumeAt),
    error: s.error,
    output: s.output,
  })),
});
/** Signing secrets are made by the server (256 random bits); a client never sets one. */
export function refuseClientSecrets(body: WorkflowRequest): void {
  body.actions.forEach((action, index) => {
    for (const name of WRITE_ONLY_PARAMS) {
      if (action.params && Object.hasOwn(action.params, name)) {
        throw WorkflowErrors.invalid(`actions.${index}.params.${name}`, 'is made by the server and cannot be set; rotate it to get a new one');
      }
    }
  });
}
export const workflowSpec = (body: WorkflowRequest): WorkflowSpec => ({
  name: body.name,
  enabled: body.enabled,
  objectType: body.objectType,
  trigger: body.trigger as WorkflowSpec['trigger'],
  conditions: body.conditions,
  reenrollment: body.reenrollment,
  actions: body.actions,
  setKey: body.setKey ?? null,
});
