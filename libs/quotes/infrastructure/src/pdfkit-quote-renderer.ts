import { Injectable } from '@nestjs/common';
import { QuotePdfRenderer, toQuoteView } from '@qa/quotes-application';
import type { Quote } from '@qa/quotes-domain';
import type { BillingPeriod } from '@qa/quotes-contracts';
import PDFDocument from 'pdfkit';

/** What follows the unit price of a recurring line ("49.99 / month"); nothing for a one-time line. */
const PER_PERIOD: Record<BillingPeriod, string> = { one_time: '', monthly: ' / month', quarterly: ' / quarter', yearly: ' / year' };

/** The buyer's PDF: header, recipients, line items with discounts, totals, comments, payment terms and terms. */
@Injectable()
export class PdfkitQuoteRenderer extends QuotePdfRenderer {
  render(quote: Quote, names: { recipients: string[] }): Promise<Buffer> {
    const view = toQuoteView(quote);
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${view.number} ${view.title}`, Author: 'Quote approvals' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    doc.fontSize(20).text(view.title);
    doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`Quote ${view.number}${view.companyName ? ` · ${view.companyName}` : ''} · valid until ${view.expiresOn}`);
    if (names.recipients.length) doc.text(`For: ${names.recipients.join(', ')}`);
    doc.moveDown().fillColor('#000');

    doc.table({
      columnStyles: [180, 50, 80, 80, 90],
      data: [
        ['Product', 'Qty', `Unit (${view.currency})`, 'Discount', `Amount (${view.currency})`],
        ...view.lineItems.map((l) => [
          `${l.productName}${l.description ? `\n${l.description}` : ''}`,
          String(l.quantity),
          `${l.unitPrice}${PER_PERIOD[l.billingPeriod]}`,
          l.discount ? (l.discount.type === 'percent' ? `${l.discount.value} %` : l.discount.value) : '',
          l.net,
        ]),
      ],
    });

    doc.moveDown();
    const totals: Array<[string, string]> = [['Subtotal', view.totals.subtotal]];
    if (view.quoteDiscount) totals.push([`Discount${view.quoteDiscount.type === 'percent' ? ` (${view.quoteDiscount.value} %)` : ''}`, `-${view.totals.quoteDiscount}`]);
    totals.push([`Total (${view.currency})`, view.totals.total]);
    for (const [label, amount] of totals) doc.fontSize(label.startsWith('Total') ? 12 : 10).text(`${label}: ${amount}`, { align: 'right' });

    if (view.commentsForBuyer) doc.moveDown().fontSize(12).text('Comments').fontSize(10).text(view.commentsForBuyer);
    doc.moveDown().fontSize(10).text(`Payment terms: net ${view.paymentTermsDays} ${view.paymentTermsDays === 1 ? 'day' : 'days'}`);
    if (view.purchaseTerms) doc.moveDown().fontSize(12).text('Purchase terms').fontSize(10).text(view.purchaseTerms);
    if (view.signature) doc.moveDown().fontSize(10).text(`Accepted and signed by ${view.signature.name} <${view.signature.email}> on ${view.signature.signedAt}`);
    doc.end();
    return done;
  }
}
