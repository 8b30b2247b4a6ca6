import type { DiscountShare, LimitFigures } from '@qa/approvals-contracts';
import { computeTotals, type Discount, type LineItem } from './quote-totals';

/** What a stated discount takes of its base, as an exact share: a percent as it states it; an amount as its (capped) amount of the base. */
function share(discount: Discount, amountMinor: number, baseMinor: number): Pick<DiscountShare, 'part' | 'whole'> {
  return discount.kind === 'percent' ? { part: discount.basisPoints, whole: 10_000 } : { part: amountMinor, whole: baseMinor };
}

/**
 * A quote's figures as approval limits read them (see `ApprovalLimits`): its total, each line's
 * discount as a share of the line's gross, and the quote discount as a share of the subtotal it is
 * taken from. Exact: shares are integer fractions, never rounded percentages.
 */
export function limitFigures(lines: readonly LineItem[], quoteDiscount: Discount | null, currency: string): LimitFigures {
  const totals = computeTotals(lines, quoteDiscount);
  const discounts: DiscountShare[] = [];
  lines.forEach((line, i) => {
    const t = totals.lines[i]!;
    if (line.discount) discounts.push({ on: 'line', lineId: line.id, productName: line.productName, ...share(line.discount, t.discountMinor, t.grossMinor) });
  });
  if (quoteDiscount) discounts.push({ on: 'quote', ...share(quoteDiscount, totals.quoteDiscountMinor, totals.subtotalMinor) });
  return { currency, totalMinor: totals.totalMinor, discounts };
}
