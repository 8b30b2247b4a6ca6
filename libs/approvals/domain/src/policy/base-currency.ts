// The account's base currency and exchange rates (with the approval settings): the
// `totalInBaseCurrency` condition compares a quote's total in the base currency, whatever the
// quote's own currency.
//
// Conversion rule (exact, no binary floating point): a rate is decimal text, at most 10 decimals,
// "1 unit of that currency in base currency". The total in base minor units is
//   totalMinor × rate × 10^(base digits) / 10^(quote digits)
// computed on integers (the rate scaled by 10^10) and rounded once, half to even, to the base
// currency's minor unit (EUR 2 digits, JPY 0, KWD 3). A quote in the base currency keeps its total.
// A quote in a currency without a rate has no total in base currency: the condition holds for nothing.
import { isCurrency, minorDigits } from '@qa/shared-kernel';

export const DEFAULT_BASE_CURRENCY = 'EUR';
export const MAX_EXCHANGE_RATES = 200;
/** Digits after the point a rate may have. */
export const RATE_DECIMALS = 10;

export interface CurrencySettings {
  /** ISO 4217. */
  baseCurrency: string;
  /** Currency code → 1 unit of it in base currency, as decimal text ("1.0825"). */
  exchangeRates: Readonly<Record<string, string>>;
}

const RATE = new RegExp(`^\\d{1,12}(\\.\\d{1,${RATE_DECIMALS}})?$`);
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** A rate as saved: positive decimal text with at most 10 decimals (numbers are read as their text); null when it is not one. */
export function readRate(raw: unknown): string | null {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
  if (text === null || !RATE.test(text)) return null;
  return rateScaled(text) > 0n ? text : null;
}

/** A rate as an integer scaled by 10^10. */
function rateScaled(rate: string): bigint {
  const [whole, fraction = ''] = rate.split('.');
  return BigInt(whole!) * RATE_SCALE + BigInt(fraction.padEnd(RATE_DECIMALS, '0'));
}

/** n / d rounded half to even (d > 0). */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const twice = (abs % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * A quote's total in the base currency's minor units, by the rule above; null when there is no
 * rate for its currency (or the result is beyond what a safe integer holds).
 */
export function toBaseMinor(amountMinor: number, currency: string, settings: CurrencySettings): number | null {
  if (currency === settings.baseCurrency) return amountMinor;
  const rate = Object.hasOwn(settings.exchangeRates, currency) ? readRate(settings.exchangeRates[currency]) : null;
  if (!rate || !isCurrency(currency)) return null;
  const numerator = BigInt(amountMinor) * rateScaled(rate) * 10n ** BigInt(minorDigits(settings.baseCurrency));
  const denominator = 10n ** BigInt(minorDigits(currency)) * RATE_SCALE;
  const result = Number(divideHalfEven(numerator, denominator));
  return Number.isSafeInteger(result) ? result : null;
}

/** Why base currency and rates cannot be saved: the field path ('baseCurrency', 'exchangeRates.USD') and the reason. */
export class CurrencySettingsProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

/** Base currency and rates in their checked form (codes in capitals, rates trimmed; EUR and none when not given), or the first problem. */
export function checkCurrencySettings(baseCurrency: unknown, exchangeRates: unknown): CurrencySettings {
  const base = baseCurrency === undefined || baseCurrency === null ? DEFAULT_BASE_CURRENCY : typeof baseCurrency === 'string' ? baseCurrency.trim().toUpperCase() : '';
  if (!isCurrency(base)) throw new CurrencySettingsProblem('baseCurrency', 'must be an ISO 4217 currency code like EUR');
  if (exchangeRates === undefined || exchangeRates === null) return { baseCurrency: base, exchangeRates: {} };
  if (typeof exchangeRates !== 'object' || Array.isArray(exchangeRates)) throw new CurrencySettingsProblem('exchangeRates', 'must be an object of currency code to rate');
  const entries = Object.entries(exchangeRates as Record<string, unknown>);
  if (entries.length > MAX_EXCHANGE_RATES) throw new CurrencySettingsProblem('exchangeRates', `at most ${MAX_EXCHANGE_RATES}`);
  const rates: Record<string, string> = {};
  for (const [given, raw] of entries) {
    const code = given.trim().toUpperCase();
    const at = `exchangeRates.${given}`;
    if (!isCurrency(code)) throw new CurrencySettingsProblem(at, 'must be an ISO 4217 currency code like USD');
    if (code === base) throw new CurrencySettingsProblem(at, 'is the base currency');
    if (Object.hasOwn(rates, code)) throw new CurrencySettingsProblem(at, 'is given twice');
    const rate = readRate(raw);
    if (!rate) throw new CurrencySettingsProblem(at, `must be a positive decimal with at most ${RATE_DECIMALS} decimals, like 1.0825`);
    rates[code] = rate;
  }
  return { baseCurrency: base, exchangeRates: rates };
}
