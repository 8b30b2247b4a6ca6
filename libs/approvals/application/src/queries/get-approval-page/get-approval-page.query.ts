import { Query } from '@nestjs/cqrs';
import type { ApprovalRequest, SnapshotChanges } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

export interface ApprovalPage {
  /** The current (latest) round. */
  request: ApprovalRequest;
  /** Every round, first to last. */
  rounds: ApprovalRequest[];
  /** Everyone the current round's route names; `active` false when the account was deactivated (a user who is gone is absent). */
  approvers: Array<{ id: string; name: string; active: boolean }>;
  /** What changed since the previous round. */
  changes: SnapshotChanges;
  /** Whether the caller can approve or request changes now. */
  canDecide: boolean;
}

/** The approval page of a quote: for the current round's approvers (and admins, to see). */
export class GetApprovalPageQuery extends Query<ApprovalPage> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
