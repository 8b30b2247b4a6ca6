// Approve with limits: bounds an approver may set when approving a quote. Within them the quote's
// owner may change the approved quote without a new round; beyond them it needs approval again.
// The buyer never sees them. Approvals (at the approval) and quotes (at each edit) check a quote
// against them with `brokenLimits`: exactly, in integers (BigInt), no floating point.
import { formatMinor, parseMoney } from '@qa/shared-kernel';

/**
 * The bounds of one approval (or the tightest of a round's). Decimal text; null: no such bound.
 * - `maxDiscountPercent` (0–100, at most two decimals): every discount on the quote, each on its
 *   own, at most this percent: each line's discount as a share of that line's gross (quantity ×
 *   unit price) and the quote discount as a share of the subtotal it is taken from (the lines'
 *   nets). A percent discount counts as the percent it states; an amount discount as the exact
 *   share it takes (EUR 150 off a EUR 1,000 line is exactly 15 %).
 * - `minTotal` (≥ 0, in the quote's currency, at most its decimals): the quote's total (what the
 *   quote shows the buyer as Total) at least this.
 */
export interface ApprovalLimits {
  maxDiscountPercent: string | null;
  minTotal: string | null;
}

/** One discount on a quote as the share it takes of what it is taken from: `part / whole` (whole > 0). */
export interface DiscountShare {
  /** `quote`: the quote discount; `line`: the discount of one line. */
  on: 'quote' | 'line';
  lineId?: string;
  productName?: string;
  part: number;
  whole: number;
}

/** What the limits look at on a quote. */
export interface LimitFigures {
  currency: string;
  /** The total the quote shows, in minor units of `currency`. */
  totalMinor: number;
  discounts: DiscountShare[];
}

/** A bound a quote breaks, with the quote's own value (the percent rounded up to two decimals). */
export type BrokenLimit =
  | { bound: 'maxDiscountPercent'; limit: string; actual: string; on: 'quote' | 'line'; lineId?: string; productName?: string }
  /** `currency`: the limit's; `actualCurrency`: the quote's, when it was changed since the approval. */
  | { bound: 'minTotal'; limit: string; actual: string; currency: string; actualCurrency?: string };

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** A percent as decimal text ("15", "12.5") in basis points (1 % = 100); null when it is not one with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Basis points as percent text with two decimals ("15.00"). */
export function basisPointsToPercent(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** `part / whole` in basis points, rounded up (so a share above a bound never reads as the bound). */
function shareBasisPointsCeil(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const n = BigInt(part) * 10_000n;
  const d = BigInt(whole);
  return Number(n / d + (n % d === 0n ? 0n : 1n));
}

/** Whether a share `part / whole` is above `maxBp` basis points: part × 10,000 > maxBp × whole. */
export function shareAbove(share: Pick<DiscountShare, 'part' | 'whole'>, maxBp: number): boolean {
  if (share.part <= 0) return false;
  if (share.whole <= 0) return true;
  return BigInt(share.part) * 10_000n > BigInt(maxBp) * BigInt(share.whole);
}

/**
 * The bounds a quote breaks (none: it is within the limits). `limitsCurrency`: the currency the
 * minimum total was set in (the quote's at the approval); a quote whose currency changed since
 * breaks a minimum total, which says nothing about another currency. Limits are read as they are
 * stored (already checked); an unreadable bound counts as broken.
 */
export function brokenLimits(limits: ApprovalLimits, figures: LimitFigures, limitsCurrency: string = figures.currency): BrokenLimit[] {
  const broken: BrokenLimit[] = [];
  if (limits.maxDiscountPercent !== null) {
    const maxBp = percentToBasisPoints(limits.maxDiscountPercent) ?? -1;
    for (const share of figures.discounts) {
      if (!shareAbove(share, maxBp)) continue;
      const where = share.on === 'line' ? { lineId: share.lineId, productName: share.productName } : {};
      broken.push({ bound: 'maxDiscountPercent', limit: limits.maxDiscountPercent, actual: basisPointsToPercent(shareBasisPointsCeil(share.part, share.whole)), on: share.on, ...where });
    }
  }
  if (limits.minTotal !== null) {
    const actual = formatMinor(figures.totalMinor, figures.currency);
    if (limitsCurrency !== figures.currency) {
      broken.push({ bound: 'minTotal', limit: limits.minTotal, actual, currency: limitsCurrency, actualCurrency: figures.currency });
    } else if (figures.totalMinor < minTotalMinor(limits.minTotal, limitsCurrency)) {
      broken.push({ bound: 'minTotal', limit: limits.minTotal, actual, currency: limitsCurrency });
    }
  }
  return broken;
}

/** A minimum total in minor units of its currency (an unreadable one: above any total). */
export function minTotalMinor(minTotal: string, currency: string): number {
  try {
    return parseMoney(minTotal, currency);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

/** A minimum total as the canonical decimal text of its currency ("10000" in EUR → "10000.00"). */
export function canonicalMinTotal(minTotal: string, currency: string): string {
  return formatMinor(parseMoney(minTotal, currency), currency);
}
