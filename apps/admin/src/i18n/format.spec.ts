import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatMoney, formatPercent, percentToFraction } from './format';

/** Intl puts narrow no-break spaces in some formats; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for the user’s language', () => {
  it('formats a decimal string amount in its currency, in English and in Dutch', () => {
    expect(formatMoney('1500.00', 'EUR', 'en')).toBe('€1,500.00');
    expect(plain(formatMoney('1500.00', 'EUR', 'nl'))).toBe('€ 1.500,00');
    expect(formatMoney('1500', 'USD', 'en')).toBe('US$1,500.00');
    expect(plain(formatMoney('1500', 'JPY', 'nl'))).toBe('JP¥ 1.500');
  });

  it('keeps every digit of amounts too large for a float', () => {
    expect(formatMoney('9007199254740993.01', 'EUR', 'en')).toBe('€9,007,199,254,740,993.01');
  });

  it('shows an unreadable amount as it is', () => {
    expect(formatMoney('n/a', 'EUR', 'en')).toBe('n/a');
  });

  it('moves a percentage’s decimal point exactly and formats it per language', () => {
    expect(percentToFraction('19.79')).toBe('0.1979');
    expect(percentToFraction('5')).toBe('0.05');
    expect(percentToFraction('100.00')).toBe('1.0000');
    expect(formatPercent('19.79', 'en')).toBe('19.79%');
    expect(plain(formatPercent('12.5', 'nl'))).toBe('12,5%');
    expect(formatPercent('0.00', 'en')).toBe('0%');
  });

  it('formats a calendar date the same in every time zone', () => {
    expect(formatDate('2027-01-31', 'en')).toBe('31 Jan 2027');
    expect(formatDate('2027-01-31', 'nl')).toBe('31 jan 2027');
  });

  it('formats a moment with date and time, or as its day', () => {
    expect(formatDateTime('2027-01-31T12:00:00.000Z', 'en')).toMatch(/^31 Jan 2027, \d{2}:\d{2}$/);
    expect(formatDay('2027-01-31T12:00:00.000Z', 'nl')).toBe('31 jan 2027');
  });
});
