// The account's working week, in which reminders and escalations count their hours: a time zone
// (IANA), the working days and one span of working time per day. "Remind after 4 business hours"
// of a step started on Friday at 15:00 (09:00–17:00, Monday to Friday) falls on Monday at 11:00.
import { DateTime } from 'luxon';

export interface BusinessHours {
  /** IANA time zone name, e.g. Europe/Amsterdam. */
  timeZone: string;
  /** Working days, ISO weekday numbers: 1 Monday … 7 Sunday. */
  days: number[];
  /** Start of the working day, HH:MM (24 h). */
  start: string;
  /** End of the working day, HH:MM, after `start`. */
  end: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** A wrong part of business hours: the field (under `businessHours`) and why. */
export class BusinessHoursProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(value: unknown, field: string): number {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match) throw new BusinessHoursProblem(field, 'must be a time HH:MM (00:00 to 23:59)');
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Business hours as saved (left out: the defaults), or a BusinessHoursProblem naming the wrong field. */
export function checkBusinessHours(raw: unknown): BusinessHours {
  if (raw === undefined || raw === null) return DEFAULT_BUSINESS_HOURS;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new BusinessHoursProblem('businessHours', 'must be an object');
  const given = raw as Partial<Record<keyof BusinessHours, unknown>>;
  const timeZone = typeof given.timeZone === 'string' ? given.timeZone.trim() : '';
  if (!timeZone || !DateTime.local().setZone(timeZone).isValid) throw new BusinessHoursProblem('businessHours.timeZone', 'must be an IANA time zone such as Europe/Amsterdam');
  if (!Array.isArray(given.days) || given.days.length === 0) throw new BusinessHoursProblem('businessHours.days', 'choose at least one working day');
  given.days.forEach((day, i) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) throw new BusinessHoursProblem(`businessHours.days.${i}`, 'must be a weekday number from 1 (Monday) to 7 (Sunday)');
  });
  const days = [...new Set(given.days as number[])].sort((a, b) => a - b);
  const start = minutesOf(given.start, 'businessHours.start');
  const end = minutesOf(given.end, 'businessHours.end');
  if (end <= start) throw new BusinessHoursProblem('businessHours.end', 'must be after the start');
  return { timeZone, days, start: given.start as string, end: given.end as string };
}

/** The longest a reminder or escalation may wait, in business hours (about three months of 8-hour days). */
export const MAX_BUSINESS_HOURS = 500;

/**
 * The moment `hours` business hours after `from` (hours may have a fraction; counted in whole
 * minutes). Time outside the working days and hours does not count, so a moment outside them
 * counts from the next working day's start. Daylight-saving changes follow the time zone.
 */
export function addBusinessHours(from: Date, hours: number, business: BusinessHours): Date {
  if (!(hours >= 0) || hours > MAX_BUSINESS_HOURS) throw new RangeError(`business hours must be from 0 to ${MAX_BUSINESS_HOURS}, got ${hours}`);
  const startMinute = minutesOf(business.start, 'start');
  const endMinute = minutesOf(business.end, 'end');
  let remaining = Math.round(hours * 60);
  let cursor = DateTime.fromJSDate(from, { zone: business.timeZone });
  // At most one pass per calendar day: bounded by the hours asked over the shortest working week.
  for (;;) {
    // Wall-clock times of that day (set, not plus: a daylight-saving night has 23 or 25 hours).
    const dayStart = cursor.set({ hour: Math.floor(startMinute / 60), minute: startMinute % 60, second: 0, millisecond: 0 });
    const dayEnd = cursor.set({ hour: Math.floor(endMinute / 60), minute: endMinute % 60, second: 0, millisecond: 0 });
    if (business.days.includes(cursor.weekday) && cursor < dayEnd) {
      if (cursor < dayStart) cursor = dayStart;
      const available = Math.floor(dayEnd.diff(cursor, 'minutes').minutes);
      if (remaining <= available) return cursor.plus({ minutes: remaining }).toJSDate();
      remaining -= available;
    }
    cursor = cursor.startOf('day').plus({ days: 1 });
  }
}
