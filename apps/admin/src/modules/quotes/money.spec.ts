import { describe, expect, it } from 'vitest';
import { computeDraftTotals, currencyDigits, formatAmount, normalizeDecimalInput, parseAmount, subtractDecimals } from './money';

describe('normalizeDecimalInput', () => {
  it.each([
    ['1500.00', '1500.00'],
    ['1,500.50', '1500.50'],
    [' 2 000 ', '2000'],
  ])('reads English input %j as %j', (raw, expected) => {
    expect(normalizeDecimalInput(raw, 'en')).toBe(expected);
  });

  it.each([
    ['1500,50', '1500.50'],
    ['1.500,50', '1500.50'],
    ['1.500', '1500'],
    ['1500.5', '1500.5'],
    ['1.234.567', '1234567'],
  ])('reads Dutch input %j as %j', (raw, expected) => {
    expect(normalizeDecimalInput(raw, 'nl')).toBe(expected);
  });
});

describe('exact amounts', () => {
  it('knows the decimals of a currency', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
  });

  it('parses decimal strings into minor units and refuses extra decimals or other text', () => {
    expect(parseAmount('1500', 2)).toBe(150000n);
    expect(parseAmount('1500.5', 2)).toBe(150050n);
    expect(parseAmount('0.07', 2)).toBe(7n);
    expect(parseAmount('12.345', 2)).toBeNull();
    expect(parseAmount('12,50', 2)).toBeNull();
    expect(parseAmount('-5', 2)).toBeNull();
    expect(parseAmount('', 2)).toBeNull();
  });

  it('writes minor units back as decimal strings without rounding through floats', () => {
    expect(formatAmount(150050n, 2)).toBe('1500.50');
    expect(formatAmount(7n, 2)).toBe('0.07');
    expect(formatAmount(-7n, 2)).toBe('-0.07');
    expect(formatAmount(900719925474099312n, 2)).toBe('9007199254740993.12');
    expect(formatAmount(1500n, 0)).toBe('1500');
  });
});

describe('computeDraftTotals', () => {
  it('computes line nets, the quote discount, the total and the effective discount like the API', () => {
    // The API's own example (apps/api quotes.integration.spec.ts): 3049.99 gross, 2649.99 total, 13.11 %.
    const totals = computeDraftTotals(
      [
        { quantity: '2', unitPrice: '1500.00', discount: { type: 'percent', value: '10' } },
        { quantity: '1', unitPrice: '49.99', discount: { type: 'none', value: '' } },
      ],
      { type: 'amount', value: '100' },
      'EUR',
    );

    expect(totals).toEqual({
      lines: [
        { gross: '3000.00', discount: '300.00', net: '2700.00' },
        { gross: '49.99', discount: '0.00', net: '49.99' },
      ],
      gross: '3049.99',
      lineDiscounts: '300.00',
      subtotal: '2749.99',
      quoteDiscount: '100.00',
      total: '2649.99',
      effectiveDiscountPercent: '13.11',
    });
  });

  it('rounds a percentage discount half away from zero and caps a discount at its base', () => {
    const totals = computeDraftTotals(
      [
        { quantity: '1', unitPrice: '0.05', discount: { type: 'percent', value: '50' } },
        { quantity: '1', unitPrice: '10.00', discount: { type: 'amount', value: '25' } },
      ],
      { type: 'none', value: '' },
      'EUR',
    );

    expect(totals.lines.map((line) => line?.net)).toEqual(['0.02', '0.00']);
    expect(totals.total).toBe('0.02');
  });

  it('leaves out lines whose quantity or price cannot be read yet', () => {
    const totals = computeDraftTotals(
      [
        { quantity: '2', unitPrice: '', discount: { type: 'none', value: '' } },
        { quantity: '0', unitPrice: '10', discount: { type: 'none', value: '' } },
        { quantity: '3', unitPrice: '10', discount: { type: 'percent', value: 'abc' } },
      ],
      { type: 'percent', value: '150' },
      'EUR',
    );

    expect(totals.lines).toEqual([null, null, { gross: '30.00', discount: '0.00', net: '30.00' }]);
    expect(totals.total).toBe('30.00');
  });
});

describe('subtractDecimals', () => {
  it.each([
    ['1500.00', '1350.50', '149.50'],
    ['10.00', '10.00', '0.00'],
    ['5.00', '7.25', '-2.25'],
    ['1200', '1000', '200'],
    ['0.005', '0.001', '0.004'],
  ])('%s − %s = %s', (a, b, expected) => {
    expect(subtractDecimals(a, b)).toBe(expected);
  });
});
