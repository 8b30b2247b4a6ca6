import { Command } from '@nestjs/cqrs';
import type { ApprovalRequest, DecideOptions, Decision } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * One approver's decision on the current round of a quote: approve (and publish), or request
 * changes (notes required; the creator gets a task). `round` is the round the approver looked at.
 * `options.limits`: approve with limits (the quote must already be within them).
 */
export class DecideApprovalCommand extends Command<ApprovalRequest> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly round: number,
    readonly decision: Decision['decision'],
    readonly notes: string | null,
    readonly options: DecideOptions = {},
  ) {
    super();
  }
}
