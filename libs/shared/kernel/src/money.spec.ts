import { describe, expect, it } from 'vitest';
import { basisPointsOf, formatMinor, isCurrency, minorDigits, mulDivRound, parseMoney, percentOf } from './money';

describe('money', () => {
  it('knows the decimals of a currency', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('gives the same decimals from its cache, and refuses a malformed code every time', () => {
    for (let i = 0; i < 3; i += 1) {
      expect([minorDigits('JPY'), minorDigits('EUR'), minorDigits('BHD')]).toEqual([0, 2, 3]);
      expect(() => minorDigits('euro')).toThrow(RangeError);
    }
  });

  it('accepts ISO 4217 codes only', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
  });

  it('rounds half away from zero, exactly', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3); // 2.5 → 3
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(4, 1, 3)).toBe(1); // 1.33 → 1
    expect(mulDivRound(5, 1, 3)).toBe(2); // 1.67 → 2
    // Would lose precision as floats: 9007199254740 × 999 / 1000
    expect(mulDivRound(9_007_199_254_740, 999, 1000)).toBe(8_998_192_055_485);
  });

  it('takes percentages in basis points', () => {
    expect(percentOf(1999, 1250)).toBe(250); // 12.5 % of 19.99 = 2.49875 → 2.50
    expect(percentOf(1, 5000)).toBe(1); // half a cent rounds up
    expect(basisPointsOf(250, 1000)).toBe(2500);
    expect(basisPointsOf(1, 3)).toBe(3333);
    expect(basisPointsOf(5, 0)).toBe(0);
  });

  it('parses and formats decimal strings without floats', () => {
    expect(parseMoney('1234.5', 'EUR')).toBe(123450);
    expect(parseMoney('0.10', 'EUR')).toBe(10);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(() => parseMoney('1.234', 'EUR')).toThrow(/2 decimals/);
    expect(() => parseMoney('1,5', 'EUR')).toThrow(/not an amount/);
    expect(formatMinor(123450, 'EUR')).toBe('1234.50');
    expect(formatMinor(5, 'EUR')).toBe('0.05');
    expect(formatMinor(-5, 'EUR')).toBe('-0.05');
    expect(formatMinor(1500, 'JPY')).toBe('1500');
    expect(formatMinor(1, 'BHD')).toBe('0.001');
  });
});
