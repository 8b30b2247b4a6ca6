import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { liveQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { SignQuoteCommand } from './sign-quote.command';
import { SignQuoteHandler } from './sign-quote.handler';
import type { Quote } from '@qa/quotes-domain';

describe('SignQuoteHandler', () => {
  const clock = new ManualClock('2026-12-01T10:00:00Z');
  let quotes: MemoryQuotes;
  let quote: Quote;

  beforeEach(async () => {
    quotes = new MemoryQuotes();
    quote = await quotes.add(liveQuote({ expiresOn: '2026-12-31' }));
  });

  it('records the signature by the buyer’s link, at the clock’s time', async () => {
    await new SignQuoteHandler(quotes, clock).execute(new SignQuoteCommand(quote.shareSlug!, { name: ' Bea Buyer ', email: 'Bea@Example.org' }));
    expect([quote.status, quote.signature]).toEqual(['signed', { name: 'Bea Buyer', email: 'bea@example.org', signedAt: '2026-12-01T10:00:00.000Z' }]);
    expect(quotes.saved).toEqual([quote]);
  });

  it('refuses after the expiry date by the clock, and an unknown link', async () => {
    const handler = new SignQuoteHandler(quotes, new ManualClock('2027-01-01T00:00:00Z'));
    await expect(handler.execute(new SignQuoteCommand(quote.shareSlug!, { name: 'Bea', email: 'bea@example.org' }))).rejects.toMatchObject({ code: 'QUOTES.EXPIRED' });
    await expect(handler.execute(new SignQuoteCommand('no-such-link', { name: 'Bea', email: 'bea@example.org' }))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
    expect([quote.status, quotes.saved]).toEqual(['approval_not_needed', []]);
  });
});
