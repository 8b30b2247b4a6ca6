import { Command } from '@nestjs/cqrs';
import type { PolicyDryRun } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** Stops a queued or running dry run (the worker stops at its next page). Its requester or an admin; a finished run stays as it is. */
export class CancelPolicyDryRunCommand extends Command<PolicyDryRun> {
  constructor(
    readonly caller: Caller,
    readonly runId: string,
  ) {
    super();
  }
}
