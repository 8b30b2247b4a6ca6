import { Query } from '@nestjs/cqrs';
import type { PolicyDryRun } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** A dry run: its state and progress, and its report when finished. Its requester or an admin (else 404). */
export class GetPolicyDryRunQuery extends Query<PolicyDryRun> {
  constructor(
    readonly caller: Caller,
    readonly runId: string,
  ) {
    super();
  }
}
