import { QueryBus } from '@nestjs/cqrs';
import { ApprovalRequestApproved, ApprovalRequestChangesRequested, FindApprovalRequestQuery, type ApprovalRequestPayload, type ApprovalRequestSummary } from '@qa/approvals-contracts';
import { QuoteRepository } from '@qa/quotes-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/**
 * The approvers decided: "Approve and publish" approves and publishes the quote; "Request changes"
 * sends it back to its creator with the notes. A decision counts only for the version of the quote
 * its round reviewed: one about a quote that has moved on since (withdrawn or recalled, perhaps
 * edited and submitted again) changes nothing.
 */
@IntegrationEventsHandler('quotes', ApprovalRequestApproved, ApprovalRequestChangesRequested)
export class ApplyApprovalDecisionToQuoteHandler implements IntegrationEventHandler<ApprovalRequestPayload> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
  ) {}

  async handle(event: IntegrationEvent<ApprovalRequestPayload>): Promise<void> {
    const quote = await this.quotes.findById(event.payload.quoteId);
    if (!quote || quote.status !== 'pending_approval') return;
    const request = (await this.queries.execute(new FindApprovalRequestQuery(event.payload.requestId))) as ApprovalRequestSummary | null;
    if (!request || request.quoteId !== quote.id || request.quoteVersion !== quote.version) return;
    const ctx = { by: event.payload.decidedBy };
    if (event.name === ApprovalRequestApproved.name) {
      quote.approve(ctx, event.payload.notes);
      quote.publish(ctx);
    } else {
      quote.requestChanges(event.payload.notes ?? '', ctx);
    }
    await this.quotes.save(quote);
  }
}
