// Money, dates and percentages for the user's language, with Intl. Amounts arrive as decimal
// strings ("1500.00") and are formatted as strings: no floating point touches them.
import { useI18n } from 'vue-i18n';

type NumericString = Intl.StringNumericLiteral;

/** The Intl locale for an app locale: European conventions for English too (5 Jan 2027, €1,500.00). */
export function intlLocale(locale: string): string {
  if (locale === 'nl') return 'nl-NL';
  if (locale === 'en') return 'en-GB';
  return locale;
}

function isDecimal(value: string): value is NumericString {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** "1500.00" in EUR → "€1,500.00" (en) or "€ 1.500,00" (nl). An unreadable amount is shown as it is. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!isDecimal(amount)) return amount;
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(amount);
  } catch {
    return `${currency} ${amount}`;
  }
}

/** Moves the decimal point two places to the left, exactly: "19.79" → "0.1979", "5" → "0.05". */
export function percentToFraction(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const [, sign, whole = '', fraction = ''] = match;
  const padded = whole.padStart(3, '0');
  return `${sign}${padded.slice(0, -2).replace(/^0+(?=\d)/, '')}.${padded.slice(-2)}${fraction}`;
}

/** "19.79" (percent) → "19.79%" (en) or "19,79%" (nl). */
export function formatPercent(value: string, locale: string): string {
  const fraction = percentToFraction(value);
  if (!isDecimal(fraction)) return `${value}%`;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/** A calendar date "2027-01-31" (no time zone) → "31 Jan 2027" / "31 jan 2027". */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment "2027-01-31T10:00:00Z" → date and time in the browser's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The local calendar day of a moment, "31 Jan 2027" (for compact lists). */
export function formatDay(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(date);
}

/** A whole number with the language's grouping (1,000 in English, 1.000 in Dutch). */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** The formatters bound to the current language (reactive: they read the i18n locale on each call). */
export function useFormat() {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    money: (amount: string, currency: string) => formatMoney(amount, currency, locale.value),
    percent: (value: string) => formatPercent(value, locale.value),
    date: (isoDate: string) => formatDate(isoDate, locale.value),
    dateTime: (iso: string) => formatDateTime(iso, locale.value),
    day: (iso: string) => formatDay(iso, locale.value),
    count: (value: number) => formatCount(value, locale.value),
  };
}
