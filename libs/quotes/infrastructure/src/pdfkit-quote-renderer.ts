import { Injectable } from '@nestjs/common';
import { QuotePdfRenderer, toQuoteView } from '@qa/quotes-application';
import type { Quote } from '@qa/quotes-domain';
import type { BillingPeriod, QuoteLanguage } from '@qa/quotes-contracts';
import PDFDocument from 'pdfkit';

/** The words of the buyer's PDF in each language a quote may be written in. */
export interface QuotePdfLabels {
  quote: string;
  validUntil: string;
  for: string;
  product: string;
  quantity: string;
  unit: string;
  discount: string;
  amount: string;
  subtotal: string;
  total: string;
  comments: string;
  paymentTerms: (days: number) => string;
  purchaseTerms: string;
  signedBy: (name: string, email: string, on: string) => string;
  /** What follows the unit price of a recurring line ("49.99 / month"); nothing for a one-time line. */
  perPeriod: Record<BillingPeriod, string>;
  /** The Intl locale of its dates and amounts. */
  locale: string;
}

export const QUOTE_PDF_LABELS: Record<QuoteLanguage, QuotePdfLabels> = {
  en: {
    quote: 'Quote',
    validUntil: 'valid until',
    for: 'For',
    product: 'Product',
    quantity: 'Qty',
    unit: 'Unit',
    discount: 'Discount',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    comments: 'Comments',
    paymentTerms: (days) => `Payment terms: net ${days} ${days === 1 ? 'day' : 'days'}`,
    purchaseTerms: 'Purchase terms',
    signedBy: (name, email, on) => `Accepted and signed by ${name} <${email}> on ${on}`,
    perPeriod: { one_time: '', monthly: ' / month', quarterly: ' / quarter', yearly: ' / year' },
    locale: 'en-GB',
  },
  nl: {
    quote: 'Offerte',
    validUntil: 'geldig tot en met',
    for: 'Voor',
    product: 'Product',
    quantity: 'Aantal',
    unit: 'Prijs per stuk',
    discount: 'Korting',
    amount: 'Bedrag',
    subtotal: 'Subtotaal',
    total: 'Totaal',
    comments: 'Opmerkingen',
    paymentTerms: (days) => `Betalingstermijn: ${days} ${days === 1 ? 'dag' : 'dagen'} netto`,
    purchaseTerms: 'Inkoopvoorwaarden',
    signedBy: (name, email, on) => `Geaccepteerd en ondertekend door ${name} <${email}> op ${on}`,
    perPeriod: { one_time: '', monthly: ' / maand', quarterly: ' / kwartaal', yearly: ' / jaar' },
    locale: 'nl-NL',
  },
};

/** The labels of a quote's language (English for a language the table does not have). */
export const pdfLabels = (language: string): QuotePdfLabels => QUOTE_PDF_LABELS[language as QuoteLanguage] ?? QUOTE_PDF_LABELS.en;

/** A decimal string ("1500.00") with the language's grouping and decimal mark, exactly (no floating point). */
export function formatPdfAmount(amount: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole = '0', fraction] = match;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
}

/** A calendar date "2027-01-31" → "31 Jan 2027" / "31 jan 2027"; a moment (ISO with time) → its UTC day the same way. */
export function formatPdfDay(iso: string, locale: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A percentage "12.50" as the language writes it ("12.50" / "12,50"). */
const formatPdfPercent = (value: string, locale: string) => formatPdfAmount(value, locale);

/** The buyer's PDF in the quote's language: header, recipients, line items with discounts, totals, comments, payment terms and terms. */
@Injectable()
export class PdfkitQuoteRenderer extends QuotePdfRenderer {
  render(quote: Quote, names: { recipients: string[] }): Promise<Buffer> {
    const view = toQuoteView(quote);
    const l = pdfLabels(view.language);
    const money = (amount: string) => formatPdfAmount(amount, l.locale);
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${view.number} ${view.title}`, Author: 'Quote approvals' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    doc.fontSize(20).text(view.title);
    doc
      .moveDown(0.3)
      .fontSize(10)
      .fillColor('#555')
      .text(`${l.quote} ${view.number}${view.companyName ? ` · ${view.companyName}` : ''} · ${l.validUntil} ${formatPdfDay(view.expiresOn, l.locale)}`);
    if (names.recipients.length) doc.text(`${l.for}: ${names.recipients.join(', ')}`);
    doc.moveDown().fillColor('#000');

    doc.table({
      columnStyles: [180, 50, 80, 80, 90],
      data: [
        [l.product, l.quantity, `${l.unit} (${view.currency})`, l.discount, `${l.amount} (${view.currency})`],
        ...view.lineItems.map((line) => [
          `${line.productName}${line.description ? `\n${line.description}` : ''}`,
          String(line.quantity),
          `${money(line.unitPrice)}${l.perPeriod[line.billingPeriod]}`,
          line.discount ? (line.discount.type === 'percent' ? `${formatPdfPercent(line.discount.value, l.locale)} %` : money(line.discount.value)) : '',
          money(line.net),
        ]),
      ],
    });

    doc.moveDown();
    const totals: Array<[string, string, boolean]> = [[l.subtotal, money(view.totals.subtotal), false]];
    if (view.quoteDiscount) {
      const percent = view.quoteDiscount.type === 'percent' ? ` (${formatPdfPercent(view.quoteDiscount.value, l.locale)} %)` : '';
      totals.push([`${l.discount}${percent}`, `-${money(view.totals.quoteDiscount)}`, false]);
    }
    totals.push([`${l.total} (${view.currency})`, money(view.totals.total), true]);
    for (const [label, amount, isTotal] of totals) doc.fontSize(isTotal ? 12 : 10).text(`${label}: ${amount}`, { align: 'right' });

    if (view.commentsForBuyer) doc.moveDown().fontSize(12).text(l.comments).fontSize(10).text(view.commentsForBuyer);
    doc.moveDown().fontSize(10).text(l.paymentTerms(view.paymentTermsDays));
    if (view.purchaseTerms) doc.moveDown().fontSize(12).text(l.purchaseTerms).fontSize(10).text(view.purchaseTerms);
    if (view.signature) doc.moveDown().fontSize(10).text(l.signedBy(view.signature.name, view.signature.email, formatPdfDay(view.signature.signedAt, l.locale)));
    doc.end();
    return done;
  }
}
