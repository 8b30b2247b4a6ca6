import { CommandBus } from '@nestjs/cqrs';
import { CloseApprovalRoundCommand } from '@qa/approvals-contracts';
import { QuoteExpired, QuoteRecalled, QuoteSubmitted, QuoteWithdrawn, type QuoteEventPayload } from '@qa/quotes-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { OpenApprovalRoundCommand } from '../../commands/open-approval-round/open-approval-round.command';

/**
 * Submitted into Pending approval: open a round for the version of the quote that was submitted,
 * with the route fixed at submit. Recalled, withdrawn or expired: a pending round no longer counts.
 */
@IntegrationEventsHandler('approvals', QuoteSubmitted, QuoteRecalled, QuoteWithdrawn, QuoteExpired)
export class OpenApprovalRoundWhenQuoteSubmittedHandler implements IntegrationEventHandler<QuoteEventPayload> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: IntegrationEvent<QuoteEventPayload>): Promise<void> {
    if (event.name !== QuoteSubmitted.name) return this.commands.execute(new CloseApprovalRoundCommand(event.payload.quoteId));
    if (event.payload.status === 'pending_approval') await this.commands.execute(new OpenApprovalRoundCommand(event.payload.quoteId, event.aggregateVersion));
  }
}
