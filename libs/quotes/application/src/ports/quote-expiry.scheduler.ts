/**
 * Expires a quote at the end of its expiry date: a delayed job (quotes-api runs them on BullMQ).
 * Scheduling the same quote and date again is a no-op; a new date schedules another job (the old
 * one finds the quote not yet past its date and changes nothing).
 */
export abstract class QuoteExpiryScheduler {
  abstract schedule(quoteId: string, expiresOn: string): Promise<void>;
}
