import { Quote, type QuoteDetails } from '@qa/quotes-domain';
import { pdfTextLines } from '@qa/shared-testing';
import { describe, expect, it } from 'vitest';
import { formatPdfAmount, PdfkitQuoteRenderer, QUOTE_PDF_LABELS } from './pdfkit-quote-renderer';

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

    expect(text).toEqual(expect.arrayContaining(['Payment terms: net 45 days', 'Purchase terms', 'Delivery within four weeks.', '1,500.00', '49.99 / month', '1,200.00 / year']));
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

  it('words its labels, dates and amounts in English for an English quote', async () => {
    const text = pdfTextLines(await new PdfkitQuoteRenderer().render(draftQuote({ lineItems: lines }), { recipients: ['Anna de Vries'] }));

    expect(text).toEqual(expect.arrayContaining(['Quote Q-2026-0001 · Acme BV · valid until 31 Dec 2099', 'For: Anna de Vries', 'Product', 'Qty', 'Subtotal: 4,249.99', 'Total (EUR): 4,249.99']));
  });

  it('words its labels, dates and amounts in Dutch for a quote in Dutch', async () => {
    const quote = draftQuote({
      language: 'nl',
      paymentTermsDays: 14,
      purchaseTerms: 'Levering binnen vier weken.',
      commentsForBuyer: 'Tot ziens.',
      quoteDiscount: { kind: 'percent', basisPoints: 1250 },
      lineItems: lines,
    });
    const text = pdfTextLines(await new PdfkitQuoteRenderer().render(quote, { recipients: ['Anna de Vries'] }));

    expect(text).toEqual(
      expect.arrayContaining([
        'Offerte Q-2026-0001 · Acme BV · geldig tot en met 31 dec 2099',
        'Voor: Anna de Vries',
        'Aantal',
        'Korting',
        'Bedrag (EUR)',
        '1.500,00',
        '49,99 / maand',
        '1.200,00 / jaar',
        'Subtotaal: 4.249,99',
        'Korting (12,50 %): -531,25',
        'Totaal (EUR): 3.718,74',
        'Opmerkingen',
        'Betalingstermijn: 14 dagen netto',
        'Inkoopvoorwaarden',
      ]),
    );
    expect(text.some((line) => /Payment terms|Subtotal|valid until/.test(line))).toBe(false);
  });

  it('has every label in both languages, and writes amounts exactly with the language’s marks', () => {
    expect(Object.keys(QUOTE_PDF_LABELS.nl).sort()).toEqual(Object.keys(QUOTE_PDF_LABELS.en).sort());
    expect([QUOTE_PDF_LABELS.nl.paymentTerms(1), QUOTE_PDF_LABELS.en.paymentTerms(1)]).toEqual(['Betalingstermijn: 1 dag netto', 'Payment terms: net 1 day']);
    expect([formatPdfAmount('1234567.89', 'nl-NL'), formatPdfAmount('1234567.89', 'en-GB'), formatPdfAmount('-0.05', 'nl-NL'), formatPdfAmount('12.345', 'en-GB')]).toEqual([
      '1.234.567,89',
      '1,234,567.89',
      '-0,05',
      '12.345',
    ]);
  });
});
