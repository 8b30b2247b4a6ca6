import {
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestDelegated,
  ApprovalRequestEscalated,
  ApprovalRequestOpened,
  ApprovalRequestReassigned,
  ApprovalRequestStepStarted,
  type ApprovalRequestPayload,
} from '@qa/approvals-contracts';
import { QuoteWithdrawn } from '@qa/quotes-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { ApprovalFactsProjector } from '../../shared/approval-facts-projector';

/**
 * Something happened to a quote's approval round: project that quote's rounds again into the
 * analytics facts (replacing its old facts, so a repeated delivery changes nothing).
 */
@IntegrationEventsHandler(
  'analytics',
  ApprovalRequestOpened,
  ApprovalRequestStepStarted,
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestEscalated,
  ApprovalRequestDelegated,
  ApprovalRequestReassigned,
  QuoteWithdrawn,
)
export class ProjectApprovalFactsWhenRoundChangesHandler implements IntegrationEventHandler<Pick<ApprovalRequestPayload, 'quoteId'>> {
  constructor(private readonly projector: ApprovalFactsProjector) {}

  async handle(event: IntegrationEvent<Pick<ApprovalRequestPayload, 'quoteId'>>): Promise<void> {
    if (typeof event.payload.quoteId === 'string') await this.projector.project([event.payload.quoteId]);
  }
}
