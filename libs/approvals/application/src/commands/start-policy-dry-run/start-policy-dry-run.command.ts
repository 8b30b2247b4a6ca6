import { Command } from '@nestjs/cqrs';
import type { ApprovalPolicyState, PolicyDryRun } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * Dry run of a draft policy (the editor's, not saved) over the last `limit` submitted quotes (null:
 * all of them): checked as a save checks it, then queued for the worker. Who may save the policy.
 */
export class StartPolicyDryRunCommand extends Command<PolicyDryRun> {
  constructor(
    readonly caller: Caller,
    readonly policy: ApprovalPolicyState,
    readonly limit: number | null,
  ) {
    super();
  }
}
