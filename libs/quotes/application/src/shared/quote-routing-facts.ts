import type { Quote } from '@qa/quotes-domain';

/** What a quote tells approval routing about itself (its totals, lines, terms and CRM links), as of now. */
export function quoteRoutingFacts(quote: Quote) {
  const totals = quote.totals();
  return {
    quoteId: quote.id,
    ownerId: quote.ownerId,
    currency: quote.currency,
    totalMinor: totals.totalMinor,
    discountMinor: totals.discountMinor,
    effectiveDiscountBp: totals.effectiveDiscountBp,
    largestLineDiscountBp: totals.largestLineDiscountBp,
    lines: quote.lineItems.map((l) => ({ productName: l.productName, billingPeriod: l.billingPeriod })),
    paymentTermsDays: quote.paymentTermsDays,
    expiresOn: quote.expiresOn,
    dealId: quote.dealId,
    companyId: quote.companyId,
  };
}
