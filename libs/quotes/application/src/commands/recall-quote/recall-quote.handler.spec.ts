import { describe, expect, it } from 'vitest';
import { caller, draftQuote, liveQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { RecallQuoteCommand } from './recall-quote.command';
import { RecallQuoteHandler } from './recall-quote.handler';

describe('RecallQuoteHandler', () => {
  it('takes a live quote back to Draft and ends its share link', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(liveQuote());
    expect(quote.shareSlug).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await new RecallQuoteHandler(quotes).execute(new RecallQuoteCommand(caller('rep'), quote.id, 1));
    expect([quote.status, quote.shareSlug, quote.version, quote.pullEvents().map((e) => e.name)]).toEqual(['draft', null, 2, ['quotes.quote.recalled.v1']]);
  });

  it('refuses a Draft, a stale version and a manager (read-only for them)', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    const handler = new RecallQuoteHandler(quotes);
    await expect(handler.execute(new RecallQuoteCommand(caller('rep'), quote.id, 1))).rejects.toMatchObject({ code: 'QUOTES.INVALID_TRANSITION' });
    await expect(handler.execute(new RecallQuoteCommand(caller('rep'), quote.id, 3))).rejects.toMatchObject({ code: 'QUOTES.STALE_VERSION' });
    await expect(handler.execute(new RecallQuoteCommand(caller('manager'), quote.id, 1))).rejects.toMatchObject({ code: 'QUOTES.NOT_OWNER' });
    expect(quotes.saved).toEqual([]);
  });
});
