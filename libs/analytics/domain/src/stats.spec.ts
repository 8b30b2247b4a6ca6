import { describe, expect, it } from 'vitest';
import { ageBoundaries, ageBucketOf, dayOf, hoursOf, monthOf, percentileCont, percentOfTotal, weekOf } from './stats';

describe('percentileCont (as PostgreSQL percentile_cont)', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentileCont([2, 4, 6, 10], 0.5)).toBe(5);
    expect(percentileCont([10, 2, 6, 4], 0.9)).toBeCloseTo(8.8, 10);
    expect(percentileCont([7200, 21600, 14400], 0.5)).toBe(14400);
    expect(percentileCont([7200, 21600, 14400], 0.9)).toBeCloseTo(20160, 6);
  });

  it('answers the one value for one, and null for none', () => {
    expect(percentileCont([3], 0.9)).toBe(3);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe('figures as the API answers them', () => {
  it('gives hours with two decimals and shares with one', () => {
    expect(hoursOf(20160)).toBe(5.6);
    expect(hoursOf(61)).toBe(0.02);
    expect(hoursOf(null)).toBeNull();
    expect(percentOfTotal(2, 3)).toBe(66.7);
    expect(percentOfTotal(1, 0)).toBe(0);
  });
});

describe('time buckets (UTC)', () => {
  it('puts a moment in its day, its week (the Monday) and its month', () => {
    const sunday = new Date('2026-11-08T23:59:59Z');
    expect(dayOf(sunday)).toBe('2026-11-08');
    expect(weekOf(sunday)).toBe('2026-11-02');
    expect(weekOf(new Date('2026-11-09T00:00:00Z'))).toBe('2026-11-09');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
    expect(monthOf(sunday)).toBe('2026-11');
  });

  it('sorts open rounds by age: under a day, 1–3, 3–7, over 7 days', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    expect([ago(23), ago(24), ago(71), ago(72), ago(167), ago(168)].map((at) => ageBucketOf(at, now))).toEqual(['lt1d', '1to3d', '1to3d', '3to7d', '3to7d', 'gt7d']);
    expect(ageBoundaries(now).map((d) => d.toISOString())).toEqual(['2026-11-09T12:00:00.000Z', '2026-11-07T12:00:00.000Z', '2026-11-03T12:00:00.000Z']);
  });
});
