// Words and choices of the business hours card: the time zones the browser knows (IANA names)
// and the weekdays' names in the user's language, from Intl.
import { intlLocale } from '../../i18n/format';

/** IANA time zones to choose from, sorted; `current` (e.g. a saved alias the browser lists under another name) is kept in the list. */
export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set(known);
  // UTC is a time zone people choose, though some browsers list it only as Etc/UTC.
  zones.add('UTC');
  if (current.trim()) zones.add(current.trim());
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** An ISO weekday's name (1 Monday … 7 Sunday) in the app's language, starting with a capital: "Monday", "Maandag". */
export function weekdayName(day: number, locale: string): string {
  // 1 January 2024 was a Monday.
  const name = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
  return name.charAt(0).toLocaleUpperCase(intlLocale(locale)) + name.slice(1);
}
