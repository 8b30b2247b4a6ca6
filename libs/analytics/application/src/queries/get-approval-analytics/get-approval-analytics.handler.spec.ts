import type { ApprovalAnalytics } from '@qa/analytics-contracts';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { FixedReader, usersBus } from '../../testing/in-memory-analytics';
import { GetApprovalAnalyticsHandler } from './get-approval-analytics.handler';
import { GetApprovalAnalyticsQuery } from './get-approval-analytics.query';

const stats = { key: 'max', label: 'max', count: 2, medianHours: 3, p90Hours: 4 };
const answer: ApprovalAnalytics = {
  filter: { from: '2026-11-01', to: '2026-11-30', team: null, rule: null, bucket: 'week' },
  options: { teams: [], rules: [] },
  timeInApproval: { byApprover: [stats, { ...stats, key: 'gone', label: 'gone' }], byStep: [], byRule: [], byTeam: [], overTime: [] },
  openByAge: [],
  rates: { decided: 0, approved: 0, changesRequested: 0, approvedPercent: 0, changesRequestedPercent: 0 },
  leakage: { byRep: [{ key: 'rita', label: 'rita', currency: 'EUR', count: 1, requestedPercent: 10, approvedPercent: 5, requestedDiscountMinor: 100, approvedDiscountMinor: 50 }], byProduct: [] },
  slowestApprovers: [stats],
  escalations: { total: 0, byPeriod: [], byRule: [] },
};

describe('GetApprovalAnalyticsHandler', () => {
  const clock = new ManualClock('2026-11-30T15:00:00Z');
  const bus = usersBus([
    { id: 'max', name: 'Max Manager', team: 'Sales' },
    { id: 'rita', name: 'Rita Rep', team: 'Sales' },
  ]);

  it('reads the figures for the checked filter at the clock\'s now, and names approvers and reps', async () => {
    const reader = new FixedReader(answer);
    const result = await new GetApprovalAnalyticsHandler(reader, bus, clock).execute(new GetApprovalAnalyticsQuery({ from: '2026-11-01', to: '2026-11-30', team: 'Sales' }));
    expect(reader.asked).toEqual([{ filter: { from: '2026-11-01', to: '2026-11-30', team: 'Sales', ruleId: null, bucket: 'week' }, now: clock.now() }]);
    expect(result.timeInApproval.byApprover.map((r) => r.label)).toEqual(['Max Manager', 'gone']);
    expect(result.slowestApprovers[0].label).toBe('Max Manager');
    expect(result.leakage.byRep[0].label).toBe('Rita Rep');
  });

  it('refuses a bad filter before reading anything', async () => {
    const reader = new FixedReader(answer);
    await expect(new GetApprovalAnalyticsHandler(reader, bus, clock).execute(new GetApprovalAnalyticsQuery({ to: 'yesterday' }))).rejects.toMatchObject({ code: 'ANALYTICS.INVALID_FILTER', details: { field: 'to' } });
    expect(reader.asked).toEqual([]);
  });
});
