import { ApprovalsService } from '@qa/approvals-application';
import { QuoteExpired, QuoteRecalled, QuoteSubmitted, QuoteWithdrawn, type QuoteEventPayload } from '@qa/quotes-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/**
 * Submitted into Pending approval: open a round for the version of the quote that was submitted,
 * with the route fixed at submit. Recalled, withdrawn or expired: a pending round no longer counts.
 */
@IntegrationEventsHandler('approvals', QuoteSubmitted, QuoteRecalled, QuoteWithdrawn, QuoteExpired)
export class OpenApprovalRoundWhenQuoteSubmittedHandler implements IntegrationEventHandler<QuoteEventPayload> {
  constructor(private readonly approvals: ApprovalsService) {}

  async handle(event: IntegrationEvent<QuoteEventPayload>): Promise<void> {
    if (event.name !== QuoteSubmitted.name) return this.approvals.cancelRound(event.payload.quoteId);
    if (event.payload.status === 'pending_approval') await this.approvals.openRound(event.payload.quoteId, event.aggregateVersion);
  }
}
