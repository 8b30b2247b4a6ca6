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
  /** When the caller's decision would count for an approver out of office they stand in for: that approver; else null. */
  decidesFor: string | null;
  /** Approvers of the current step out of office now (their place still open), and who stands in for each. */
  outOfOffice: Array<{ approverId: string; standInId: string; kind: 'delegated' | 'fallback' }>;
  /** The current step's approvers whose place the caller may reassign now (their own; an admin: anyone's open place). */
  mayReassign: string[];
  /** For the quote's rep while the round is pending: when they may remind its approvers again (null: now); null for others. */
  reminder: { retryAt: string | null } | null;
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
