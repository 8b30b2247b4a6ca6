import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CloseApprovalRoundCommand } from '@qa/approvals-contracts';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';

/** The quote was recalled, withdrawn or expired: a pending round no longer counts (no-op otherwise). */
@CommandHandler(CloseApprovalRoundCommand)
export class CloseApprovalRoundHandler implements ICommandHandler<CloseApprovalRoundCommand> {
  constructor(private readonly requests: ApprovalRequestRepository) {}

  async execute({ quoteId }: CloseApprovalRoundCommand): Promise<void> {
    const current = await this.requests.findCurrent(quoteId);
    if (current?.cancel()) await this.requests.save(current);
  }
}
