import { QuoteUpdated, type QuoteEventPayload } from '@qa/quotes-contracts';
import { integrationEventSubscription, type IntegrationEvent } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { QuoteExpiryScheduler } from '../../ports/quote-expiry.scheduler';
import { ScheduleExpiryWhenQuoteChangedHandler } from './schedule-quote-expiry.handler';

class RecordingScheduler extends QuoteExpiryScheduler {
  scheduled: Array<[string, string]> = [];
  async schedule(quoteId: string, expiresOn: string): Promise<void> {
    this.scheduled.push([quoteId, expiresOn]);
  }
}

const event = (expiresOn: string): IntegrationEvent<QuoteEventPayload> => ({
  id: 'e1',
  name: QuoteUpdated.name,
  occurredAt: '2026-11-26T12:00:00.000Z',
  aggregateType: 'quote',
  aggregateId: 'q1',
  aggregateVersion: 2,
  actor: { type: 'user', id: 'rep-1' },
  correlationId: 'c1',
  payload: {
    quoteId: 'q1',
    number: 'Q-2026-0001',
    title: 'Website redesign',
    ownerId: 'rep-1',
    status: 'draft',
    previousStatus: 'draft',
    currency: 'EUR',
    totalMinor: 300_000,
    effectiveDiscountBp: 0,
    largestLineDiscountBp: 0,
    dealId: 'deal-1',
    expiresOn,
  },
});

describe('scheduling a quote’s expiry when it changes', () => {
  it('schedules the expiry for the quote’s (new) expiry date', async () => {
    const scheduler = new RecordingScheduler();
    const handler = new ScheduleExpiryWhenQuoteChangedHandler(scheduler);
    await handler.handle(event('2026-12-31'));
    await handler.handle(event('2027-01-15'));
    expect(scheduler.scheduled).toEqual([
      ['q1', '2026-12-31'],
      ['q1', '2027-01-15'],
    ]);
  });

  it('listens, as the quotes context, to the events that can set or change the date', () => {
    expect(integrationEventSubscription(ScheduleExpiryWhenQuoteChangedHandler)).toEqual({
      subscriber: 'quotes',
      events: ['quotes.quote.created.v1', 'quotes.quote.updated.v1', 'quotes.quote.submitted.v1', 'quotes.quote.recalled.v1'],
    });
  });
});
