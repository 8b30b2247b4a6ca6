import { describe, expect, it } from 'vitest';
import { caller, crm, CrmRecordsStub, draftQuote, MemoryQuotes, TextPdfRenderer } from '../../testing/in-memory-quotes';
import { RenderQuotePdfQuery } from './render-quote-pdf.query';
import { RenderQuotePdfHandler } from './render-quote-pdf.handler';

describe('RenderQuotePdfHandler', () => {
  it('renders a Draft for its owner and for managers, before it is shared', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote({ recipientContactIds: [] }));
    const handler = new RenderQuotePdfHandler(quotes, new CrmRecordsStub(crm).bus, new TextPdfRenderer());
    for (const who of [caller('rep'), caller('manager')]) {
      const { fileName, pdf } = await handler.execute(new RenderQuotePdfQuery(who, quote.id));
      expect([fileName, pdf.toString()]).toEqual(['Q-2026-0001.pdf', 'Q-2026-0001: Website redesign for ']);
    }
  });

  it('answers 404 to another rep', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    const handler = new RenderQuotePdfHandler(quotes, new CrmRecordsStub(crm).bus, new TextPdfRenderer());
    await expect(handler.execute(new RenderQuotePdfQuery(caller('rep', 'rep-2'), quote.id))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
  });
});
