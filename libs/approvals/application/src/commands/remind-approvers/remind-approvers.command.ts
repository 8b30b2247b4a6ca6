import { Command } from '@nestjs/cqrs';
import type { ApprovalRequest } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** The quote's rep reminds the current step's approvers who have not decided yet (at most once per step per cooldown). */
export class RemindApproversCommand extends Command<ApprovalRequest> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly round: number,
  ) {
    super();
  }
}
