import { QuoteApproved, QuoteChangesRequested, QuoteCreated, QuoteExpired, QuotePublished, QuoteRecalled, QuoteSigned, QuoteSubmitted, QuoteUpdated } from '@qa/quotes-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';
import { WorkflowEngine } from '@qa/workflows-application';
import { PropertyChanged } from '@qa/workflows-contracts';

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
  QuoteSigned,
  QuoteExpired,
  PropertyChanged,
)
export class EnrolRecordsWhenEventHandler implements IntegrationEventHandler {
  constructor(private readonly engine: WorkflowEngine) {}

  async handle(event: IntegrationEvent): Promise<void> {
    await this.engine.enrol(event);
  }
}
