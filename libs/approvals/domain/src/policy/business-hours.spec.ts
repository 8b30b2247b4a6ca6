import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessHours, BusinessHoursProblem, checkBusinessHours, DEFAULT_BUSINESS_HOURS, type BusinessHours } from './business-hours';

const amsterdam: BusinessHours = DEFAULT_BUSINESS_HOURS;
const at = (iso: string) => new Date(iso);
const add = (from: string, hours: number, business = amsterdam) => addBusinessHours(at(from), hours, business).toISOString();

describe('addBusinessHours', () => {
  it('adds hours inside one working day', () => {
    // Tuesday 10:00 in Amsterdam (CET, UTC+1) + 3 h = 13:00 local.
    expect(add('2026-12-01T09:00:00Z', 3)).toBe('2026-12-01T12:00:00.000Z');
  });

  it('carries what is left of the day into the next working day', () => {
    // Tuesday 15:00 local + 4 h: 2 h on Tuesday, 2 h from Wednesday 09:00 → 11:00 local.
    expect(add('2026-12-01T14:00:00Z', 4)).toBe('2026-12-02T10:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 15:00 local + 4 h → Monday 11:00 local.
    expect(add('2026-12-04T14:00:00Z', 4)).toBe('2026-12-07T10:00:00.000Z');
  });

  it('counts from the next start when it begins outside working time', () => {
    // Saturday noon + 1 h → Monday 10:00 local; Tuesday 07:00 local + 1 h → Tuesday 10:00 local.
    expect(add('2026-12-05T11:00:00Z', 1)).toBe('2026-12-07T09:00:00.000Z');
    expect(add('2026-12-01T06:00:00Z', 1)).toBe('2026-12-01T09:00:00.000Z');
    // After the end of the day: the next working day.
    expect(add('2026-12-01T18:00:00Z', 2)).toBe('2026-12-02T10:00:00.000Z');
  });

  it('ends exactly at the end of a day rather than at the next start', () => {
    // Tuesday 09:00 local + 8 h = Tuesday 17:00 local.
    expect(add('2026-12-01T08:00:00Z', 8)).toBe('2026-12-01T16:00:00.000Z');
  });

  it('keeps wall-clock working hours across a daylight-saving change', () => {
    // Friday 2027-03-26 16:00 CET + 2 h: 1 h Friday, 1 h from Monday 09:00 CEST (UTC+2) → 10:00 CEST = 08:00 UTC.
    expect(add('2027-03-26T15:00:00Z', 2)).toBe('2027-03-29T08:00:00.000Z');
  });

  it('follows the account time zone and working days', () => {
    const newYork: BusinessHours = { timeZone: 'America/New_York', days: [1, 2, 3, 4], start: '08:30', end: '12:30' };
    // Thursday 2026-12-03 11:30 EST (16:30 UTC) + 2 h: 1 h Thursday, Friday is off, 1 h from Monday 08:30 → 09:30 EST.
    expect(add('2026-12-03T16:30:00Z', 2, newYork)).toBe('2026-12-07T14:30:00.000Z');
  });

  it('counts fractions of an hour in minutes', () => {
    expect(add('2026-12-01T09:00:00Z', 0.25)).toBe('2026-12-01T09:15:00.000Z');
  });

  it('refuses hours out of range', () => {
    expect(() => addBusinessHours(at('2026-12-01T09:00:00Z'), -1, amsterdam)).toThrow(RangeError);
    expect(() => addBusinessHours(at('2026-12-01T09:00:00Z'), Number.NaN, amsterdam)).toThrow(RangeError);
  });

  const week = fc.record({
    timeZone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    startMinute: fc.integer({ min: 0, max: 22 * 60 }),
    length: fc.integer({ min: 30, max: 8 * 60 }),
  });
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const toHours = (w: { timeZone: string; days: number[]; startMinute: number; length: number }): BusinessHours => ({
    timeZone: w.timeZone,
    days: w.days,
    start: hhmm(w.startMinute),
    end: hhmm(Math.min(w.startMinute + w.length, 23 * 60 + 59)),
  });
  const moment = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

  it('lands inside working time, and adding a then b equals adding a + b (property)', () => {
    fc.assert(
      fc.property(week, moment, fc.integer({ min: 1, max: 40 * 60 }), fc.integer({ min: 1, max: 40 * 60 }), (w, from, aMinutes, bMinutes) => {
        const business = toHours(w);
        const a = aMinutes / 60;
        const b = bMinutes / 60;
        const end = addBusinessHours(from, a + b, business);
        expect(end.getTime()).toBeGreaterThan(from.getTime());
        const local = DateTime.fromJSDate(end, { zone: business.timeZone });
        expect(business.days).toContain(local.weekday);
        const minute = local.hour * 60 + local.minute;
        const [sh, sm] = business.start.split(':').map(Number);
        const [eh, em] = business.end.split(':').map(Number);
        expect(minute).toBeGreaterThan(sh! * 60 + sm!);
        expect(minute).toBeLessThanOrEqual(eh! * 60 + em!);
        // Splitting the wait in two ends at the same moment, unless the first part ends exactly at
        // a day's end (then the second counts from the next start: the same moment too).
        expect(addBusinessHours(addBusinessHours(from, a, business), b, business).toISOString()).toBe(end.toISOString());
      }),
      { numRuns: 200 },
    );
    // A few thousand calendar days walked: allow for a busy machine.
  }, 30_000);
});

describe('checkBusinessHours', () => {
  it('gives the defaults when left out', () => {
    expect(checkBusinessHours(undefined)).toEqual(DEFAULT_BUSINESS_HOURS);
  });

  it('keeps a valid week, days sorted and once each', () => {
    expect(checkBusinessHours({ timeZone: 'Asia/Tokyo', days: [5, 1, 1], start: '08:00', end: '18:30' })).toEqual({ timeZone: 'Asia/Tokyo', days: [1, 5], start: '08:00', end: '18:30' });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' }, 'businessHours.timeZone'],
    [{ timeZone: 'UTC', days: [], start: '09:00', end: '17:00' }, 'businessHours.days'],
    [{ timeZone: 'UTC', days: [1, 8], start: '09:00', end: '17:00' }, 'businessHours.days.1'],
    [{ timeZone: 'UTC', days: [1], start: '9:00', end: '17:00' }, 'businessHours.start'],
    [{ timeZone: 'UTC', days: [1], start: '09:00', end: '24:00' }, 'businessHours.end'],
    [{ timeZone: 'UTC', days: [1], start: '17:00', end: '09:00' }, 'businessHours.end'],
    ['weekdays', 'businessHours'],
  ])('names the wrong field of %j', (raw, field) => {
    const problem = (() => {
      try {
        checkBusinessHours(raw);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(problem).toBeInstanceOf(BusinessHoursProblem);
    expect((problem as BusinessHoursProblem).field).toBe(field);
  });
});
