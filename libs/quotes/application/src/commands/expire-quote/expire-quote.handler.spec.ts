import { describe, expect, it } from 'vitest';
import { draftQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { ExpireQuoteCommand } from './expire-quote.command';
import { ExpireQuoteHandler } from './expire-quote.handler';

describe('ExpireQuoteHandler', () => {
  it('expires a quote past its expiry date', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote({ expiresOn: '2020-01-31' }));
    await expect(new ExpireQuoteHandler(quotes).execute(new ExpireQuoteCommand(quote.id))).resolves.toBe(true);
    expect([quote.status, quote.shareSlug, quotes.saved]).toEqual(['expired', null, [quote]]);
  });

  it('changes nothing for a quote not yet past its date, one that cannot expire, or none', async () => {
    const quotes = new MemoryQuotes();
    const current = await quotes.add(draftQuote());
    const signed = await quotes.add(draftQuote({ expiresOn: '2020-01-31' }));
    signed.status = 'signed';
    const handler = new ExpireQuoteHandler(quotes);
    const answers = [await handler.execute(new ExpireQuoteCommand(current.id)), await handler.execute(new ExpireQuoteCommand(signed.id)), await handler.execute(new ExpireQuoteCommand('nothing'))];
    expect([answers, current.status, signed.status, quotes.saved]).toEqual([[false, false, false], 'draft', 'signed', []]);
  });
});
