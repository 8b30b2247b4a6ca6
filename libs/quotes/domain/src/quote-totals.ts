import type { BillingPeriod } from '@qa/quotes-contracts';
import { basisPointsOf, mulDivRound, percentOf } from '@qa/shared-kernel';

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountMinor: number };

/** A line without a billing period is billed once. */
export const DEFAULT_BILLING_PERIOD: BillingPeriod = 'one_time';

export interface LineItem {
  id: string;
  productName: string;
  description: string;
  /** Whole units (1 – 1,000,000). */
  quantity: number;
  unitPriceMinor: number;
  discount: Discount | null;
  /** `one_time`, or the period of a recurring line: its unit price (and net) is then per period; totals count one period. */
  billingPeriod: BillingPeriod;
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
  /** Everything given off: Σ line discounts + the quote discount (= gross − total). */
  discountMinor: number;
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

/**
 * The quote's totals. A recurring line (monthly, quarterly, yearly) counts once, as its first
 * period: its net is quantity × the price per period less its discount, and the totals add it like
 * any one-time line (they are not multiplied over a contract term).
 */
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
    discountMinor: lineTotals.reduce((sum, l) => sum + l.discountMinor, 0) + quoteDiscountMinor,
    effectiveDiscountBp: basisPointsOf(grossMinor - totalMinor, grossMinor),
    largestLineDiscountBp: lineTotals.reduce((max, l) => Math.max(max, l.discountBp), 0),
  };
}
