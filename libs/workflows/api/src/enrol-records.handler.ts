import { QuoteApproved, QuoteChangesRequested, QuoteCreated, QuoteExpired, QuotePublished, QuoteRecalled, QuoteSigned, QuoteSubmitted, QuoteUpdated, QuoteWithdrawn } from '@qa/quotes-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';
import { WorkflowEngine } from '@qa/workflows-application';
import { PropertyChanged } from '@qa/workflows-contracts';
import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestOpened, ApprovalSettingsChanged, type ApprovalSettingsChangedPayload } from '@qa/approvals-contracts';
import { WorkflowsService } from '@qa/workflows-application';

/** Every quote event and every property change is matched against the enabled workflows. */
@IntegrationEventsHandler(
  'workflows',
  QuoteCreated,
  QuoteUpdated,
  QuoteSubmitted,
  QuoteApproved,
  QuoteChangesRequested,
  QuotePublished,
  QuoteRecalled,
  QuoteWithdrawn,
  QuoteSigned,
  QuoteExpired,
  PropertyChanged,
  ApprovalRequestOpened,
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
)
export class EnrolRecordsWhenEventHandler implements IntegrationEventHandler {
  constructor(private readonly engine: WorkflowEngine) {}

  async handle(event: IntegrationEvent): Promise<void> {
    await this.engine.enrol(event);
  }
}

/** Settings → Quotes saved: install (or switch off) the quote approval workflows. */
@IntegrationEventsHandler('workflows', ApprovalSettingsChanged)
export class InstallApprovalWorkflowsWhenSettingsChangedHandler implements IntegrationEventHandler<ApprovalSettingsChangedPayload> {
  constructor(private readonly workflows: WorkflowsService) {}

  async handle(event: IntegrationEvent<ApprovalSettingsChangedPayload>): Promise<void> {
    await this.workflows.applyApprovalWorkflows(event.payload.approvalsActive);
  }
}
