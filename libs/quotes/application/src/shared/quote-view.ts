import type { BillingPeriod, QuoteApprovalLimits, QuoteLanguage, QuoteStatus } from '@qa/quotes-contracts';
import type { Discount, HistoryEntry, Quote } from '@qa/quotes-domain';
import { formatMinor } from '@qa/shared-kernel';

/** Money leaves the quotes context as decimal strings in the quote's currency ("1234.50"). */
export type DiscountView = { type: 'percent'; value: string } | { type: 'amount'; value: string };

export interface LineItemView {
  id: string;
  productName: string;
  description: string;
  quantity: number;
  unitPrice: string;
  discount: DiscountView | null;
  /** `one_time`, or the period a recurring line's unit price and amounts are for. */
  billingPeriod: BillingPeriod;
  gross: string;
  discountAmount: string;
  net: string;
}

export interface QuoteTotalsView {
  gross: string;
  subtotal: string;
  quoteDiscount: string;
  total: string;
  /** Percent with two decimals, e.g. "19.79". */
  effectiveDiscountPercent: string;
  largestLineDiscountPercent: string;
}

export interface QuoteView {
  id: string;
  number: string;
  title: string;
  status: QuoteStatus;
  ownerId: string;
  dealId: string | null;
  companyId: string | null;
  companyName: string | null;
  recipientContactIds: string[];
  /** Filled from the CRM by the queries that show a quote. */
  dealName: string | null;
  recipients: Array<{ id: string; name: string; email: string }>;
  currency: string;
  expiresOn: string;
  quoteDiscount: DiscountView | null;
  commentsForBuyer: string;
  purchaseTerms: string;
  /** Payment terms in net days. */
  paymentTermsDays: number;
  /** The language of the buyer's page and PDF. */
  language: QuoteLanguage;
  lineItems: LineItemView[];
  totals: QuoteTotalsView;
  /** Path of the buyer's page while the quote is shared, e.g. /q/3q2…; null otherwise. */
  sharePath: string | null;
  signature: { name: string; email: string; signedAt: string } | null;
  /** Approved with limits: the bounds its owner may still change it within (internal: never on the buyer's page or PDF). */
  approvalLimits: QuoteApprovalLimits | null;
  history: HistoryEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the buyer sees on the shared page: no internal ids, owners or history. */
export type SharedQuoteView = Pick<
  QuoteView,
  'number' | 'title' | 'status' | 'companyName' | 'currency' | 'expiresOn' | 'quoteDiscount' | 'commentsForBuyer' | 'purchaseTerms' | 'paymentTermsDays' | 'language' | 'lineItems' | 'totals' | 'signature'
> & { recipients: Array<{ name: string; email: string }> };

export const percentFromBp = (bp: number) => (bp / 100).toFixed(2);

export function discountView(discount: Discount | null, currency: string): DiscountView | null {
  if (!discount) return null;
  return discount.kind === 'percent' ? { type: 'percent', value: percentFromBp(discount.basisPoints) } : { type: 'amount', value: formatMinor(discount.amountMinor, currency) };
}

export function toQuoteView(quote: Quote): QuoteView {
  const totals = quote.totals();
  const m = (minor: number) => formatMinor(minor, quote.currency);
  return {
    id: quote.id,
    number: quote.number,
    title: quote.title,
    status: quote.status,
    ownerId: quote.ownerId,
    dealId: quote.dealId,
    companyId: quote.companyId,
    companyName: quote.companyName,
    recipientContactIds: quote.recipientContactIds,
    dealName: null,
    recipients: [],
    currency: quote.currency,
    expiresOn: quote.expiresOn,
    quoteDiscount: discountView(quote.quoteDiscount, quote.currency),
    commentsForBuyer: quote.commentsForBuyer,
    purchaseTerms: quote.purchaseTerms,
    paymentTermsDays: quote.paymentTermsDays,
    language: quote.language,
    lineItems: quote.lineItems.map((line, i) => ({
      id: line.id,
      productName: line.productName,
      description: line.description,
      quantity: line.quantity,
      unitPrice: m(line.unitPriceMinor),
      discount: discountView(line.discount, quote.currency),
      billingPeriod: line.billingPeriod,
      gross: m(totals.lines[i].grossMinor),
      discountAmount: m(totals.lines[i].discountMinor),
      net: m(totals.lines[i].netMinor),
    })),
    totals: {
      gross: m(totals.grossMinor),
      subtotal: m(totals.subtotalMinor),
      quoteDiscount: m(totals.quoteDiscountMinor),
      total: m(totals.totalMinor),
      effectiveDiscountPercent: percentFromBp(totals.effectiveDiscountBp),
      largestLineDiscountPercent: percentFromBp(totals.largestLineDiscountBp),
    },
    sharePath: quote.shareSlug ? `/q/${quote.shareSlug}` : null,
    signature: quote.signature,
    approvalLimits: quote.approvalLimits ?? null,
    history: quote.history ?? [],
    version: quote.version ?? 1,
    createdAt: new Date(quote.createdAt).toISOString(),
    updatedAt: new Date(quote.updatedAt).toISOString(),
  };
}
