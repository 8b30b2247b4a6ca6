import { DomainError, type Caller } from '@qa/shared-kernel';
import type { PolicyDryRun } from '@qa/approvals-domain';

/** Who may run the policy dry: who may save it (admins). */
export const mayRunDryRuns = (caller: Caller): boolean => caller.role === 'admin';

/** A run is read and cancelled by whoever asked for it, and by admins; to anyone else it does not exist (404). */
export function seeDryRun(caller: Caller, runId: string, run: PolicyDryRun | null): PolicyDryRun {
  if (!run || (caller.userId !== run.requestedBy && caller.role !== 'admin')) throw new DomainError('APPROVALS.DRY_RUN_NOT_FOUND', `No dry run ${runId}`, 'not-found', { id: runId });
  return run;
}
