import { describe, expect, it } from 'vitest';
import { parseAnalyticsFilter } from './analytics-filter';

describe('parseAnalyticsFilter', () => {
  const now = new Date('2026-11-30T15:00:00Z');

  it('defaults to the last 90 days up to today, every team and rule, by week', () => {
    expect(parseAnalyticsFilter({}, now)).toEqual({ from: '2026-09-02', to: '2026-11-30', team: null, ruleId: null, bucket: 'week' });
  });

  it('takes a period, a team, a rule and a bucket', () => {
    expect(parseAnalyticsFilter({ from: '2026-11-01', to: '2026-11-15', team: ' Sales ', rule: 'r-1', bucket: 'month' }, now)).toEqual({ from: '2026-11-01', to: '2026-11-15', team: 'Sales', ruleId: 'r-1', bucket: 'month' });
  });

  it.each([
    [{ from: '2026-13-01' }, 'from', 'must be a date YYYY-MM-DD'],
    [{ to: '2026-02-30' }, 'to', 'must be a date YYYY-MM-DD'],
    [{ from: '30-11-2026' }, 'from', 'must be a date YYYY-MM-DD'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'from', 'must not be after to'],
    [{ from: '2020-01-01', to: '2026-11-01' }, 'from', 'must be at most 731 days before to'],
    [{ bucket: 'day' }, 'bucket', 'must be week or month'],
    [{ team: 'x'.repeat(101) }, 'team', 'must be at most 100 characters'],
  ])('refuses %o naming the field (422)', (raw, field, reason) => {
    expect(() => parseAnalyticsFilter(raw, now)).toThrow(expect.objectContaining({ code: 'ANALYTICS.INVALID_FILTER', kind: 'invalid', details: { field, reason } }));
  });
});
