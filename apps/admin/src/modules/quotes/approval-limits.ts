// Approve with limits, as the quote screens need it: whether a quote approved with limits may be
// edited within them, and which bounds a change would break (so the editor can warn before it
// saves). The same rules as the API (ApprovalLimits in @qa/approvals-contracts), in exact integers:
// each line's discount as a share of the line's gross, the quote discount as a share of the
// subtotal it is taken from (a percent discount as the percent it states), the total at least the
// minimum in the currency of the approval. The API's answer on save stays the source of truth.
import type { ApiSchemas } from '@qa/shared-api-client';
import { computeDraftTotals, currencyDigits, parseAmount, type DiscountInput } from './money';
import type { QuoteDetailsRequest } from './quote-api';
import type { QuoteStatus } from './quote-status';

export type QuoteApprovalLimits = ApiSchemas['QuoteApprovalLimitsResponse'];
export type BrokenLimit = ApiSchemas['BrokenLimitResponse'];
export type ApprovalLimitsCheck = ApiSchemas['ApprovalLimitsCheckResponse'];

/** Approved (or published) with limits: its owner may change it within them without a new round. */
export function editableWithinLimits(quote: { status: QuoteStatus; approvalLimits?: QuoteApprovalLimits | null }): boolean {
  return !!quote.approvalLimits && (quote.status === 'approved' || quote.status === 'published');
}

/** part / whole above maxBp basis points. */
function above(part: bigint, whole: bigint, maxBp: bigint): boolean {
  if (part <= 0n) return false;
  if (whole <= 0n) return true;
  return part * 10_000n > maxBp * whole;
}

/** part / whole in basis points rounded up, as percent text ("15.01"). */
function percentText(part: bigint, whole: bigint): string {
  const bp = whole <= 0n ? 0n : (part * 10_000n + whole - 1n) / whole;
  return `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}`;
}

const discountInput = (discount: QuoteDetailsRequest['quoteDiscount']): DiscountInput => (discount ? { type: discount.type, value: discount.value } : { type: 'none', value: '' });

/**
 * The bounds these details (as they would be saved, decimals already normalised) break; none when
 * they are within the limits. Lines or discounts that cannot be read yet are left out (the API
 * names those problems on save).
 */
export function brokenLimitsOf(details: QuoteDetailsRequest, limits: QuoteApprovalLimits): BrokenLimit[] {
  // The API reads a body without a currency as EUR.
  const currency = details.currency ?? 'EUR';
  const digits = currencyDigits(currency);
  const broken: BrokenLimit[] = [];
  const lines = details.lineItems.map((line) => ({ quantity: String(line.quantity ?? ''), unitPrice: line.unitPrice, discount: discountInput(line.discount) }));
  const totals = computeDraftTotals(lines, discountInput(details.quoteDiscount), currency);
  const maxBp = limits.maxDiscountPercent !== null ? parseAmount(limits.maxDiscountPercent, 2) : null;
  if (limits.maxDiscountPercent !== null && maxBp !== null) {
    const shareOf = (discount: DiscountInput, amount: string | undefined, base: string | undefined): [bigint, bigint] | null => {
      if (discount.type === 'percent') {
        const bp = parseAmount(discount.value, 2);
        return bp === null ? null : [bp, 10_000n];
      }
      if (discount.type !== 'amount' || amount === undefined || base === undefined) return null;
      const part = parseAmount(amount, digits);
      const whole = parseAmount(base, digits);
      return part === null || whole === null ? null : [part, whole];
    };
    details.lineItems.forEach((line, index) => {
      const share = shareOf(lines[index]!.discount, totals.lines[index]?.discount, totals.lines[index]?.gross);
      if (share && above(share[0], share[1], maxBp)) {
        broken.push({ bound: 'maxDiscountPercent', limit: limits.maxDiscountPercent!, actual: percentText(share[0], share[1]), on: 'line', ...(line.id ? { lineId: line.id } : {}), productName: line.productName });
      }
    });
    const quoteShare = shareOf(discountInput(details.quoteDiscount), totals.quoteDiscount, totals.subtotal);
    if (quoteShare && above(quoteShare[0], quoteShare[1], maxBp)) broken.push({ bound: 'maxDiscountPercent', limit: limits.maxDiscountPercent, actual: percentText(quoteShare[0], quoteShare[1]), on: 'quote' });
  }
  if (limits.minTotal !== null) {
    if (currency !== limits.currency) {
      broken.push({ bound: 'minTotal', limit: limits.minTotal, actual: totals.total, currency: limits.currency, actualCurrency: currency });
    } else {
      const total = parseAmount(totals.total, digits);
      const minimum = parseAmount(limits.minTotal, digits);
      if (total !== null && minimum !== null && total < minimum) broken.push({ bound: 'minTotal', limit: limits.minTotal, actual: totals.total, currency: limits.currency });
    }
  }
  return broken;
}

/** What the words need: the i18n `t` and the money and percent formatters of the current language. */
export interface LimitWords {
  t: (key: string, params?: Record<string, unknown>) => string;
  money: (amount: string, currency: string) => string;
  percent: (value: string) => string;
}

/** The bounds in words: "discount at most 15%, total at least €10,000.00". */
export function boundsWords(limits: QuoteApprovalLimits, words: LimitWords): string {
  const parts: string[] = [];
  if (limits.maxDiscountPercent !== null) parts.push(words.t('approvalLimits.maxDiscount', { percent: words.percent(limits.maxDiscountPercent) }));
  if (limits.minTotal !== null) parts.push(words.t('approvalLimits.minTotal', { amount: words.money(limits.minTotal, limits.currency) }));
  return parts.join(words.t('approvalLimits.and'));
}

/** One broken bound in words: "Support: 20% off, at most 15%". */
export function brokenWords(broken: BrokenLimit, words: LimitWords): string {
  if (broken.bound === 'minTotal') {
    const limit = words.money(broken.limit, broken.currency ?? '');
    if (broken.actualCurrency) return words.t('approvalLimits.broken.currency', { currency: broken.actualCurrency, limit });
    return words.t('approvalLimits.broken.minTotal', { actual: words.money(broken.actual, broken.currency ?? ''), limit });
  }
  const params = { actual: words.percent(broken.actual), limit: words.percent(broken.limit), product: broken.productName ?? '' };
  return words.t(broken.on === 'quote' ? 'approvalLimits.broken.quoteDiscount' : 'approvalLimits.broken.lineDiscount', params);
}
