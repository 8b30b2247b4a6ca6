import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetQuoteSnapshotQuery, type QuoteSnapshotView } from '@qa/quotes-contracts';
import { QuoteRepository } from '@qa/quotes-domain';
import { toQuoteView, type DiscountView } from '../../shared/quote-view';

const discountText = (d: DiscountView | null) => (d ? (d.type === 'percent' ? `${d.value}%` : d.value) : null);

/** Answers other contexts (through quotes-contracts) with a quote's content. */
@QueryHandler(GetQuoteSnapshotQuery)
export class GetQuoteSnapshotHandler implements IQueryHandler<GetQuoteSnapshotQuery, QuoteSnapshotView | null> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ quoteId }: GetQuoteSnapshotQuery): Promise<QuoteSnapshotView | null> {
    const quote = await this.quotes.findById(quoteId);
    if (!quote) return null;
    const view = toQuoteView(quote);
    const totals = quote.totals();
    return {
      quoteId: quote.id,
      number: quote.number,
      version: view.version,
      status: quote.status,
      ownerId: quote.ownerId,
      dealId: quote.dealId,
      companyId: quote.companyId,
      companyName: quote.companyName,
      title: quote.title,
      currency: quote.currency,
      total: view.totals.total,
      totalMinor: totals.totalMinor,
      effectiveDiscountBp: totals.effectiveDiscountBp,
      largestLineDiscountBp: totals.largestLineDiscountBp,
      discountMinor: totals.discountMinor,
      quoteDiscount: discountText(view.quoteDiscount),
      expiresOn: quote.expiresOn,
      paymentTermsDays: quote.paymentTermsDays,
      language: quote.language,
      lines: view.lineItems.map((l) => ({
        id: l.id,
        productName: l.productName,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discount: discountText(l.discount),
        net: l.net,
        billingPeriod: l.billingPeriod,
      })),
      approvalRoute: quote.approvalRoute ? { ...quote.approvalRoute } : null,
      limitFigures: quote.limitFigures(),
    };
  }
}
