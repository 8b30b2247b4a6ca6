import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurrencySettingsProblem, checkCurrencySettings, divideHalfEven, readRate, toBaseMinor } from './base-currency';

const settings = (exchangeRates: Record<string, string>, baseCurrency = 'EUR') => ({ baseCurrency, exchangeRates });

/** The settings in their checked form, or the field and reason. */
const check = (baseCurrency: unknown, exchangeRates: unknown) => {
  try {
    return { ok: checkCurrencySettings(baseCurrency, exchangeRates) };
  } catch (error) {
    if (!(error instanceof CurrencySettingsProblem)) throw error;
    return { field: error.field, reason: error.reason };
  }
};

describe('the total in the base currency', () => {
  it.each<[amountMinor: number, currency: string, rates: Record<string, string>, base: string, expected: number | null]>([
    // the base currency itself: unchanged, no rate needed
    [1_000_000, 'EUR', {}, 'EUR', 1_000_000],
    // USD 10,000.00 at 0.92 = EUR 9,200.00
    [1_000_000, 'USD', { USD: '0.92' }, 'EUR', 920_000],
    // rounded half to even, to the cent: 0.125 → 0.12, 0.135 → 0.14, 0.1250000001 → 0.13
    [1, 'USD', { USD: '12.5' }, 'EUR', 12],
    [1, 'USD', { USD: '13.5' }, 'EUR', 14],
    [1, 'USD', { USD: '12.5000000001' }, 'EUR', 13],
    [1, 'USD', { USD: '12.4999999999' }, 'EUR', 12],
    // JPY (0 decimals) to EUR and back
    [1_000_000, 'JPY', { JPY: '0.0061' }, 'EUR', 610_000],
    [1_000_000, 'EUR', { EUR: '162.5' }, 'JPY', 1_625_000],
    // half to even at the yen: ¥0.5 → 0, ¥1.5 → 2
    [100, 'EUR', { EUR: '0.5' }, 'JPY', 0],
    [300, 'EUR', { EUR: '0.5' }, 'JPY', 2],
    // KWD (3 decimals): 1.000 KWD at 3.0 EUR = 3.00 EUR
    [1000, 'KWD', { KWD: '3' }, 'EUR', 300],
    // 10 decimals of a rate count
    [100_000_000, 'USD', { USD: '0.0000000001' }, 'EUR', 0],
    [1_000_000_000_000, 'USD', { USD: '0.0000000001' }, 'EUR', 100],
    // a currency without a rate: none
    [1_000_000, 'GBP', { USD: '0.92' }, 'EUR', null],
    // an inherited name is no rate
    [1_000_000, 'constructor', {}, 'EUR', null],
  ])('%i minor %s with %j in %s: %s', (amountMinor, currency, rates, base, expected) => {
    expect(toBaseMinor(amountMinor, currency, settings(rates, base))).toBe(expected);
  });

  it('agrees with exact rational arithmetic, rounded half to even, for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.constantFrom<[string, number]>(['USD', 2], ['JPY', 0], ['KWD', 3]),
        fc.constantFrom<[string, number]>(['EUR', 2], ['CLF', 4], ['ISK', 0]),
        (amountMinor, whole, fraction, [currency, qDigits], [base, bDigits]) => {
          const rate = `${whole}.${String(fraction).padStart(10, '0')}`;
          // amount × rate exactly, as the fraction n / d of base minor units
          const n = BigInt(amountMinor) * (BigInt(whole) * 10_000_000_000n + BigInt(fraction)) * 10n ** BigInt(bDigits);
          const d = 10n ** BigInt(qDigits) * 10_000_000_000n;
          const floor = n / d;
          const twice = (n - floor * d) * 2n;
          const expected = twice > d || (twice === d && floor % 2n === 1n) ? floor + 1n : floor;
          const result = toBaseMinor(amountMinor, currency, settings({ [currency]: rate }, base));
          expect(result === null ? null : BigInt(result)).toBe(Number.isSafeInteger(Number(expected)) ? expected : null);
        },
      ),
    );
  });

  it('converts one unit of the quote currency to the rate itself (within the base minor unit)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const rate = `${whole}.${String(cents).padStart(2, '0')}`;
        // USD 1.00 at `rate` is exactly `rate` euros
        expect(toBaseMinor(100, 'USD', settings({ USD: rate }))).toBe(whole * 100 + cents);
      }),
    );
  });

  it.each<[bigint, bigint, bigint]>([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [6n, 4n, 2n],
    [5n, 4n, 1n],
    [0n, 3n, 0n],
  ])('divides %s by %s half to even: %s', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });
});

describe('base currency and rates, checked on save', () => {
  const RATE = 'must be a positive decimal with at most 10 decimals, like 1.0825';

  it.each<[string, unknown, unknown, unknown]>([
    ['EUR and no rates when none are given', undefined, undefined, { baseCurrency: 'EUR', exchangeRates: {} }],
    ['codes in capitals, rates trimmed', ' usd ', { eur: ' 1.0825 ', JPY: '0.0067' }, { baseCurrency: 'USD', exchangeRates: { EUR: '1.0825', JPY: '0.0067' } }],
    ['a rate with 10 decimals', 'EUR', { USD: '0.9234567891' }, { baseCurrency: 'EUR', exchangeRates: { USD: '0.9234567891' } }],
    ['a rate given as a number, as its text', 'EUR', { USD: 0.92 }, { baseCurrency: 'EUR', exchangeRates: { USD: '0.92' } }],
  ])('keeps %s', (_what, base, rates, expected) => {
    expect(check(base, rates)).toEqual({ ok: expected });
  });

  it.each<[string, unknown, unknown, string, string]>([
    ['an unknown base currency', 'XYZ', {}, 'baseCurrency', 'must be an ISO 4217 currency code like EUR'],
    ['a base currency that is no text', 5, {}, 'baseCurrency', 'must be an ISO 4217 currency code like EUR'],
    ['rates that are a list', 'EUR', [['USD', '1']], 'exchangeRates', 'must be an object of currency code to rate'],
    ['an unknown currency', 'EUR', { USD: '0.9', ABC: '1' }, 'exchangeRates.ABC', 'must be an ISO 4217 currency code like USD'],
    ['a rate for the base currency', 'EUR', { EUR: '1' }, 'exchangeRates.EUR', 'is the base currency'],
    ['a currency twice', 'EUR', { usd: '1', USD: '1' }, 'exchangeRates.USD', 'is given twice'],
    ['a rate of 0', 'EUR', { USD: '0' }, 'exchangeRates.USD', RATE],
    ['a rate of 0.0000000000', 'EUR', { USD: '0.0000000000' }, 'exchangeRates.USD', RATE],
    ['a negative rate', 'EUR', { USD: '-1' }, 'exchangeRates.USD', RATE],
    ['11 decimals', 'EUR', { USD: '0.12345678901' }, 'exchangeRates.USD', RATE],
    ['a decimal comma', 'EUR', { USD: '0,92' }, 'exchangeRates.USD', RATE],
    ['an exponent', 'EUR', { USD: '1e-3' }, 'exchangeRates.USD', RATE],
    ['no rate', 'EUR', { USD: null }, 'exchangeRates.USD', RATE],
    ['a rate that is no text', 'EUR', { USD: true }, 'exchangeRates.USD', RATE],
  ])('refuses %s', (_what, base, rates, field, reason) => {
    expect(check(base, rates)).toEqual({ field, reason });
  });

  it('reads rates only as plain positive decimals', () => {
    expect([readRate('1'), readRate('0.5'), readRate(' 2.25 '), readRate('0'), readRate('.5'), readRate('1.'), readRate(Number.NaN)]).toEqual(['1', '0.5', '2.25', null, null, null, null]);
  });
});
