import { Command } from '@nestjs/cqrs';

/**
 * The quote left Pending approval (withdrawn): cancel its open round now, so nobody can decide it.
 * Send it on the CommandBus; approvals answers (a no-op when no round is open).
 */
export class CloseApprovalRoundCommand extends Command<void> {
  constructor(readonly quoteId: string) {
    super();
  }
}
