// Smart re-approval: each policy rule names the quote fields it watches. When a quote is submitted
// again, a group that approved the previous round keeps its approval when none of the fields its
// rules watch changed; a change to one of them asks it again. A rule that watches nothing asks
// again on any change.

/** The quote fields a rule may watch, in the order an editor lists them. */
export const WATCHABLE_FIELDS = [
  /** The quote's total. */
  'total',
  /** The discount on the whole quote. */
  'quoteDiscount',
  /** The discount of any line (a line added or removed with a discount counts). */
  'lineDiscounts',
  /** Lines added or removed, a line's product, quantity, unit price or billing period. */
  'lines',
  'currency',
  'title',
  /** The date the quote expires. */
  'expiresOn',
  /** Payment terms (net days). */
  'paymentTerms',
  /** The company the quote is for. */
  'company',
  /** The deal the quote belongs to. */
  'deal',
] as const;

export type WatchableField = (typeof WATCHABLE_FIELDS)[number];

export function isWatchableField(value: unknown): value is WatchableField {
  return (WATCHABLE_FIELDS as readonly unknown[]).includes(value);
}
