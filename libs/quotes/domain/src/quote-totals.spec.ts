import { describe, expect, it } from 'vitest';
import { computeTotals, type LineItem } from './quote-totals';

const line = (overrides: Partial<LineItem>): LineItem => ({
  id: 'l1',
  productName: 'Licence',
  description: '',
  quantity: 1,
  unitPriceMinor: 10_000,
  discount: null,
  billingPeriod: 'one_time',
  ...overrides,
});

describe('quote totals', () => {
  it('adds lines without discounts', () => {
    const totals = computeTotals([line({ quantity: 3, unitPriceMinor: 1999 }), line({ id: 'l2', unitPriceMinor: 1 })], null);
    expect(totals).toMatchObject({ grossMinor: 5998, subtotalMinor: 5998, quoteDiscountMinor: 0, totalMinor: 5998, effectiveDiscountBp: 0 });
  });

  it('rounds a percentage line discount half away from zero, per line', () => {
    // 3 × 0.35 = 1.05; 10 % = 0.105 → 0.11
    const totals = computeTotals([line({ quantity: 3, unitPriceMinor: 35, discount: { kind: 'percent', basisPoints: 1000 } })], null);
    expect(totals.lines[0]).toMatchObject({ grossMinor: 105, discountMinor: 11, netMinor: 94, discountBp: 1048 });
  });

  it('applies the quote discount to the subtotal after line discounts', () => {
    const totals = computeTotals(
      [line({ quantity: 2, unitPriceMinor: 50_000, discount: { kind: 'amount', amountMinor: 10_000 } }), line({ id: 'l2', unitPriceMinor: 20_000 })],
      { kind: 'percent', basisPoints: 1250 },
    );
    // gross 120,000; lines net 110,000; 12.5 % = 13,750; total 96,250; effective (120,000 − 96,250) / 120,000 = 19.79 %
    expect(totals).toMatchObject({ grossMinor: 120_000, subtotalMinor: 110_000, quoteDiscountMinor: 13_750, totalMinor: 96_250, effectiveDiscountBp: 1979, largestLineDiscountBp: 1000 });
  });

  it('sums every discount, line discounts and the quote discount, as the discount amount (gross − total)', () => {
    const totals = computeTotals(
      [line({ quantity: 2, unitPriceMinor: 50_000, discount: { kind: 'amount', amountMinor: 10_000 } }), line({ id: 'l2', unitPriceMinor: 20_000, discount: { kind: 'percent', basisPoints: 500 } })],
      { kind: 'percent', basisPoints: 1250 },
    );
    // lines: 10,000 + 1,000 off; subtotal 109,000; 12.5 % = 13,625; total 95,375 of gross 120,000
    expect(totals).toMatchObject({ grossMinor: 120_000, subtotalMinor: 109_000, quoteDiscountMinor: 13_625, totalMinor: 95_375, discountMinor: 24_625 });
    expect(computeTotals([line({})], null).discountMinor).toBe(0);
  });

  it('counts a recurring line once, as its first period, like a one-time line', () => {
    const once = computeTotals([line({ unitPriceMinor: 4_999 })], null);
    const monthly = computeTotals([line({ unitPriceMinor: 4_999, billingPeriod: 'monthly' })], null);
    expect([once.totalMinor, monthly.totalMinor, monthly.lines[0]?.netMinor]).toEqual([4_999, 4_999, 4_999]);
  });

  it('never discounts below zero', () => {
    const totals = computeTotals([line({ unitPriceMinor: 500, discount: { kind: 'amount', amountMinor: 900 } })], { kind: 'amount', amountMinor: 100 });
    expect(totals.lines[0].netMinor).toBe(0);
    expect(totals.totalMinor).toBe(0);
    expect(totals.effectiveDiscountBp).toBe(10_000);
    expect(totals.discountMinor).toBe(500);
  });

  it('gives zero totals and zero discount for an empty quote', () => {
    expect(computeTotals([], { kind: 'percent', basisPoints: 5000 })).toMatchObject({ totalMinor: 0, effectiveDiscountBp: 0, largestLineDiscountBp: 0 });
  });
});
