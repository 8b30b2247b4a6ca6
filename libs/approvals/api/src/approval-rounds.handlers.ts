import { ApprovalsService } from '@qa/approvals-application';
import { QuoteRecalled, QuoteSubmitted, type QuoteEventPayload } from '@qa/quotes-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/** Submitted into Pending approval: open a round for this version of the quote. */
@IntegrationEventsHandler('approvals', QuoteSubmitted, QuoteRecalled)
export class OpenApprovalRoundWhenQuoteSubmittedHandler implements IntegrationEventHandler<QuoteEventPayload> {
  constructor(private readonly approvals: ApprovalsService) {}

  async handle(event: IntegrationEvent<QuoteEventPayload>): Promise<void> {
    if (event.name === QuoteRecalled.name) return this.approvals.cancelRound(event.payload.quoteId);
    if (event.payload.status === 'pending_approval') await this.approvals.openRound(event.payload.quoteId);
  }
}
