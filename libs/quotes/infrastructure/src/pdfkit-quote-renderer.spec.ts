import { Quote, type QuoteDetails } from '@qa/quotes-domain';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PdfkitQuoteRenderer } from './pdfkit-quote-renderer';

/** The text lines of a PDF as pdfkit writes them: one `[<hex> kerning <hex> …] TJ` per line, in deflated content streams. */
function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a deflated stream (fonts, images)
    }
    for (const [, array] of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...(array ?? '').matchAll(/<([0-9a-f]*)>/g)].map(([, h]) => h).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines;
}

const draftQuote = (overrides: Partial<QuoteDetails> = {}): Quote =>
  Quote.create({
    number: 'Q-2026-0001',
    ownerId: 'rep-1',
    details: {
      title: 'Website redesign',
      dealId: 'deal-1',
      companyId: 'company-1',
      companyName: 'Acme BV',
      recipientContactIds: [],
      currency: 'EUR',
      expiresOn: '2099-12-31',
      quoteDiscount: null,
      commentsForBuyer: '',
      purchaseTerms: '',
      lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: null }],
      ...overrides,
    },
  });

describe('the buyer’s PDF', () => {
  const lines = [
    { id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: null },
    { id: 'l2', productName: 'Hosting', description: '', quantity: 1, unitPriceMinor: 4_999, discount: null, billingPeriod: 'monthly' as const },
    { id: 'l3', productName: 'Licence', description: '', quantity: 1, unitPriceMinor: 120_000, discount: null, billingPeriod: 'yearly' as const },
  ];

  it('states the payment terms in net days beside the purchase terms, and the period of each recurring line’s price', async () => {
    const pdf = await new PdfkitQuoteRenderer().render(draftQuote({ paymentTermsDays: 45, purchaseTerms: 'Delivery within four weeks.', lineItems: lines }), { recipients: [] });
    const text = pdfTextLines(pdf);

    expect(text).toEqual(expect.arrayContaining(['Payment terms: net 45 days', 'Purchase terms', 'Delivery within four weeks.', '1500.00', '49.99 / month', '1200.00 / year']));
    expect(text.indexOf('Payment terms: net 45 days')).toBeLessThan(text.indexOf('Purchase terms'));
  });

  it('says "day" for one day, and net 30 days for a quote that left its payment terms out', async () => {
    const renderer = new PdfkitQuoteRenderer();
    const [oneDay, byDefault] = await Promise.all([renderer.render(draftQuote({ paymentTermsDays: 1 }), { recipients: [] }), renderer.render(draftQuote(), { recipients: [] })]);

    expect([pdfTextLines(oneDay).filter((line) => line.startsWith('Payment terms')), pdfTextLines(byDefault).filter((line) => line.startsWith('Payment terms'))]).toEqual([
      ['Payment terms: net 1 day'],
      ['Payment terms: net 30 days'],
    ]);
  });
});
