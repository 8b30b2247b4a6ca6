import { Command } from '@nestjs/cqrs';
import type { ApprovalLinkAction, ApprovalRequest } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

export interface ApprovalLinkDecision {
  action: ApprovalLinkAction;
  /** The round after the decision. */
  request: ApprovalRequest;
}

/**
 * The approver confirmed on the page an approval e-mail's link opened: the link's decision, once,
 * by its approver only. `notes` are required to request changes.
 */
export class DecideByApprovalLinkCommand extends Command<ApprovalLinkDecision> {
  constructor(
    readonly caller: Caller,
    readonly token: string,
    readonly notes: string | null,
  ) {
    super();
  }
}
