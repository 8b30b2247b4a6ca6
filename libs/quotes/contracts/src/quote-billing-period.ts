/**
 * How often a line item is billed: once, or per period for a recurring line (its unit price is
 * then the price per period). A quote's totals count a recurring line once, as its first period.
 */
export const BILLING_PERIODS = ['one_time', 'monthly', 'quarterly', 'yearly'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];
