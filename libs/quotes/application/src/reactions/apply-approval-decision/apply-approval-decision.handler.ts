import { QueryBus } from '@nestjs/cqrs';
import { ApprovalRequestApproved, ApprovalRequestChangesRequested, FindApprovalRequestQuery, type ApprovalRequestApprovedPayload, type ApprovalRequestPayload } from '@qa/approvals-contracts';
import { QuoteRepository } from '@qa/quotes-domain';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';

/**
 * The approvers decided: "Approve and publish" approves and publishes the quote; "Request changes"
 * sends it back to its creator with the notes. A decision counts only for the version of the quote
 * its round reviewed (Quote.applyApprovalDecision): one about a quote that has moved on since
 * (withdrawn or recalled, perhaps edited and submitted again) changes nothing. An approval's
 * `limits` (approve with limits; absent in events recorded before them) stay with the quote.
 */
@IntegrationEventsHandler('quotes', ApprovalRequestApproved, ApprovalRequestChangesRequested)
export class ApplyApprovalDecisionToQuoteHandler implements IntegrationEventHandler<ApprovalRequestPayload> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
  ) {}

  async handle(event: IntegrationEvent<ApprovalRequestPayload>): Promise<void> {
    const quote = await this.quotes.findById(event.payload.quoteId);
    if (!quote?.awaitsApproval()) return;
    const round = await this.queries.execute(new FindApprovalRequestQuery(event.payload.requestId));
    if (!round || round.quoteId !== quote.id) return;
    const approved = event.name === ApprovalRequestApproved.name;
    const limits = approved ? ((event.payload as Partial<ApprovalRequestApprovedPayload>).limits ?? null) : null;
    const decision = { approved, reviewedVersion: round.quoteVersion, notes: event.payload.notes, limits };
    if (quote.applyApprovalDecision(decision, { by: event.payload.decidedBy })) await this.quotes.save(quote);
  }
}
