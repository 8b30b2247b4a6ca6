import { Command } from '@nestjs/cqrs';
import type { ApprovalRequest } from '@qa/approvals-domain';

/**
 * A quote entered Pending approval: open a new round for it (null when none opens). `submittedVersion`
 * is the version of the quote the submitted event is of.
 */
export class OpenApprovalRoundCommand extends Command<ApprovalRequest | null> {
  constructor(
    readonly quoteId: string,
    readonly submittedVersion?: number,
  ) {
    super();
  }
}
