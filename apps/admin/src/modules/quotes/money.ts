// Exact money in the browser, for the set-up flow's running totals: decimal strings are read into
// integer minor units (BigInt) and written back as decimal strings; no floating point. The same
// rules as the API (docs/api.md "Money"): percentages are basis points, every rounding is half
// away from zero, once per line discount and once for the quote discount. The API's totals
// (shown on the Review step) stay the source of truth.

export type DiscountType = 'none' | 'percent' | 'amount';

export interface DiscountInput {
  type: DiscountType;
  value: string;
}

export interface LineInput {
  quantity: string;
  unitPrice: string;
  discount: DiscountInput;
}

export interface LineTotals {
  gross: string;
  discount: string;
  net: string;
}

export interface DraftTotals {
  /** One per line; null for a line whose quantity or price cannot be read yet. */
  lines: Array<LineTotals | null>;
  gross: string;
  lineDiscounts: string;
  subtotal: string;
  quoteDiscount: string;
  total: string;
  /** (gross − total) / gross as a percentage string, e.g. "19.79". */
  effectiveDiscountPercent: string;
}

/** Digits after the decimal point of a currency (EUR 2, JPY 0), from the browser's ICU data. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * What a person typed as an amount, as the API's decimal string: spaces and group separators go,
 * the decimal separator becomes ".". English uses "," for groups ("1,500.50"); Dutch uses "," for
 * decimals ("1.500,50", "1500,50") and a lone "." is read as a decimal point unless exactly three
 * digits follow it ("1.500" is fifteen hundred, "1500.5" fifteen hundred and a half).
 */
export function normalizeDecimalInput(raw: string, locale: string): string {
  const compact = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (locale === 'nl') {
    if (compact.includes(',')) return compact.replace(/\./g, '').replace(',', '.');
    const dots = compact.split('.').length - 1;
    if (dots > 1 || /^\d{1,3}\.\d{3}$/.test(compact)) return compact.replace(/\./g, '');
    return compact;
  }
  return compact.replace(/,/g, '');
}

/** A decimal string as minor units; null when it is no plain decimal or has more decimals than `digits`. */
export function parseAmount(value: string, digits: number): bigint | null {
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as a decimal string with exactly `digits` decimals. */
export function formatAmount(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** a − b for two decimal strings with the same number of decimals (as the API sends them). */
export function subtractDecimals(a: string, b: string): string {
  const digits = (a.split('.')[1] ?? '').length;
  const minor = (value: string) => BigInt(value.replace('.', ''));
  return formatAmount(minor(a) - minor(b), digits);
}

/** a × b / c rounded half away from zero (c > 0). */
function mulDivRound(a: bigint, b: bigint, c: bigint): bigint {
  const numerator = a * b;
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / c;
  if ((n % c) * 2n >= c) quotient += 1n;
  return negative ? -quotient : quotient;
}

function discountOf(base: bigint, discount: DiscountInput, digits: number): bigint {
  if (discount.type === 'none' || !discount.value.trim()) return 0n;
  let amount: bigint;
  if (discount.type === 'percent') {
    const basisPoints = parseAmount(discount.value, 2);
    if (basisPoints === null || basisPoints > 10_000n) return 0n;
    amount = mulDivRound(base, basisPoints, 10_000n);
  } else {
    const minor = parseAmount(discount.value, digits);
    if (minor === null) return 0n;
    amount = minor;
  }
  return amount > base ? base : amount;
}

/** Running totals of the lines being edited (values already normalised to the API's decimal strings). */
export function computeDraftTotals(lines: readonly LineInput[], quoteDiscount: DiscountInput, currency: string): DraftTotals {
  const digits = currencyDigits(currency);
  let gross = 0n;
  let subtotal = 0n;
  const lineTotals = lines.map((line) => {
    const quantity = /^\d{1,7}$/.test(line.quantity.trim()) ? BigInt(line.quantity.trim()) : null;
    const unitPrice = parseAmount(line.unitPrice, digits);
    if (quantity === null || quantity < 1n || unitPrice === null) return null;
    const lineGross = quantity * unitPrice;
    const lineDiscount = discountOf(lineGross, line.discount, digits);
    gross += lineGross;
    subtotal += lineGross - lineDiscount;
    return { gross: formatAmount(lineGross, digits), discount: formatAmount(lineDiscount, digits), net: formatAmount(lineGross - lineDiscount, digits) };
  });
  const quoteDiscountMinor = discountOf(subtotal, quoteDiscount, digits);
  const total = subtotal - quoteDiscountMinor;
  const effectiveBp = gross === 0n ? 0n : mulDivRound(gross - total, 10_000n, gross);
  return {
    lines: lineTotals,
    gross: formatAmount(gross, digits),
    lineDiscounts: formatAmount(gross - subtotal, digits),
    subtotal: formatAmount(subtotal, digits),
    quoteDiscount: formatAmount(quoteDiscountMinor, digits),
    total: formatAmount(total, digits),
    effectiveDiscountPercent: formatAmount(effectiveBp, 2),
  };
}
