import { describe, expect, it } from 'vitest';
import { crm, CrmRecordsStub, liveQuote, MemoryQuotes, TextPdfRenderer } from '../../testing/in-memory-quotes';
import { RenderSharedQuotePdfQuery } from './render-shared-quote-pdf.query';
import { RenderSharedQuotePdfHandler } from './render-shared-quote-pdf.handler';

describe('RenderSharedQuotePdfHandler', () => {
  it('renders the shared quote for the buyer, named by its number', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(liveQuote());
    const { fileName, pdf } = await new RenderSharedQuotePdfHandler(quotes, new CrmRecordsStub(crm).bus, new TextPdfRenderer()).execute(new RenderSharedQuotePdfQuery(quote.shareSlug!));
    expect([fileName, pdf.toString()]).toEqual(['Q-2026-0001.pdf', 'Q-2026-0001: Website redesign for Anna de Vries <anna@acme.example>']);
  });

  it('answers 404 for a link that shows nothing', async () => {
    const handler = new RenderSharedQuotePdfHandler(new MemoryQuotes(), new CrmRecordsStub(crm).bus, new TextPdfRenderer());
    await expect(handler.execute(new RenderSharedQuotePdfQuery('no-such-link'))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
  });
});
