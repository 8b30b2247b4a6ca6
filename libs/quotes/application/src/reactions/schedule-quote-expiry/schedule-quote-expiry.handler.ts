import { QuoteCreated, QuoteRecalled, QuoteSubmitted, QuoteUpdated, type QuoteEventPayload } from '@qa/quotes-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { QuoteExpiryScheduler } from '../../ports/quote-expiry.scheduler';

/** A quote was created or its expiry date may have changed: its expiry is scheduled for the end of that date. */
@IntegrationEventsHandler('quotes', QuoteCreated, QuoteUpdated, QuoteSubmitted, QuoteRecalled)
export class ScheduleExpiryWhenQuoteChangedHandler implements IntegrationEventHandler<QuoteEventPayload> {
  constructor(private readonly scheduler: QuoteExpiryScheduler) {}

  async handle(event: IntegrationEvent<QuoteEventPayload>): Promise<void> {
    await this.scheduler.schedule(event.payload.quoteId, event.payload.expiresOn);
  }
}
