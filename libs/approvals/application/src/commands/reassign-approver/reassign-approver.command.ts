import { Command } from '@nestjs/cqrs';
import type { ApprovalRequest } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * `from`'s place in the current step of the quote's round goes to `to`, with a note: by `from`
 * themselves, or by an admin for anyone. `round` is the round the caller looked at.
 */
export class ReassignApproverCommand extends Command<ApprovalRequest> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly round: number,
    readonly from: string,
    readonly to: string,
    readonly note: string,
  ) {
    super();
  }
}
