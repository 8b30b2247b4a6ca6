import { describe, expect, it } from 'vitest';
import { caller, crm, CrmRecordsStub, draftQuote, MemoryQuotes } from '../../testing/in-memory-quotes';
import { GetQuoteQuery } from './get-quote.query';
import { GetQuoteHandler } from './get-quote.handler';

describe('GetQuoteHandler', () => {
  it('shows the quote with its totals, the deal’s name and the recipients from the CRM', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote({ quoteDiscount: { kind: 'percent', basisPoints: 1000 } }));
    const view = await new GetQuoteHandler(quotes, new CrmRecordsStub(crm).bus).execute(new GetQuoteQuery(caller('manager'), quote.id));
    expect(view).toMatchObject({
      id: quote.id,
      number: 'Q-2026-0001',
      status: 'draft',
      dealName: 'Acme website',
      recipients: [{ id: 'contact-1', name: 'Anna de Vries', email: 'anna@acme.example' }],
      quoteDiscount: { type: 'percent', value: '10.00' },
      totals: { gross: '3000.00', subtotal: '3000.00', quoteDiscount: '300.00', total: '2700.00', effectiveDiscountPercent: '10.00' },
      sharePath: null,
      version: 1,
    });
    expect(view.lineItems.map((l) => [l.productName, l.quantity, l.unitPrice, l.net])).toEqual([['Design', 2, '1500.00', '3000.00']]);
  });

  it('answers 404 for another rep’s quote and for none', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    const handler = new GetQuoteHandler(quotes, new CrmRecordsStub(crm).bus);
    await expect(handler.execute(new GetQuoteQuery(caller('rep', 'rep-2'), quote.id))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
    await expect(handler.execute(new GetQuoteQuery(caller('admin'), 'nothing'))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
  });
});
