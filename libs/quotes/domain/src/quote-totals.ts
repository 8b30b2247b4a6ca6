import { basisPointsOf, mulDivRound, percentOf } from '@qa/shared-kernel';

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountMinor: number };
export const BILLING_PERIODS = ['monthly', 'quarterly', 'annually'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export interface LineItem {
  id: string;
  productName: string;
  description: string;
  /** Whole units (1 – 1,000,000). */
  quantity: number;
  unitPriceMinor: number;
  discount: Discount | null;
  /** Set for a recurring line: the price is per period; totals count one period. */
  billingPeriod: BillingPeriod | null;
}

export interface LineTotals {
  id: string;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  discountBp: number;
}

export interface QuoteTotals {
  lines: LineTotals[];
  /** Σ quantity × unit price. */
  grossMinor: number;
  /** Σ line nets, before the quote-level discount. */
  subtotalMinor: number;
  quoteDiscountMinor: number;
  totalMinor: number;
  /** (gross − total) / gross: what the buyer saves overall, in basis points. */
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
}

/** A discount's amount on a base, never more than the base itself. */
export function discountAmount(base: number, discount: Discount | null): number {
  if (!discount) return 0;
  const amount = discount.kind === 'percent' ? percentOf(base, discount.basisPoints) : discount.amountMinor;
  return Math.min(Math.max(amount, 0), base);
}

export function computeTotals(lines: readonly LineItem[], quoteDiscount: Discount | null): QuoteTotals {
  const lineTotals = lines.map((line) => {
    const grossMinor = mulDivRound(line.quantity, line.unitPriceMinor, 1);
    const discountMinor = discountAmount(grossMinor, line.discount);
    return { id: line.id, grossMinor, discountMinor, netMinor: grossMinor - discountMinor, discountBp: basisPointsOf(discountMinor, grossMinor) };
  });
  const grossMinor = lineTotals.reduce((sum, l) => sum + l.grossMinor, 0);
  const subtotalMinor = lineTotals.reduce((sum, l) => sum + l.netMinor, 0);
  const quoteDiscountMinor = discountAmount(subtotalMinor, quoteDiscount);
  const totalMinor = subtotalMinor - quoteDiscountMinor;
  return {
    lines: lineTotals,
    grossMinor,
    subtotalMinor,
    quoteDiscountMinor,
    totalMinor,
    effectiveDiscountBp: basisPointsOf(grossMinor - totalMinor, grossMinor),
    largestLineDiscountBp: lineTotals.reduce((max, l) => Math.max(max, l.discountBp), 0),
  };
}
