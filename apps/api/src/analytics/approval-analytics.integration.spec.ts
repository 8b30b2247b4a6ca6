import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
interface Stats {
  key: string;
  label: string;
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}
interface Analytics {
  filter: Json;
  options: { teams: string[]; rules: Array<{ id: string; name: string }> };
  timeInApproval: Record<'byApprover' | 'byStep' | 'byRule' | 'byTeam' | 'overTime', Stats[]>;
  openByAge: Array<{ bucket: string; count: number }>;
  rates: Json;
  leakage: { byRep: Json[]; byProduct: Json[] };
  slowestApprovers: Stats[];
  escalations: { total: number; byPeriod: Json[]; byRule: Json[] };
}

const HOUR = 3_600_000;
const START = '2026-11-02T09:00:00.000Z'; // a Monday

/**
 * Approval analytics on a history with known times (API + worker, PostgreSQL, the clock moved by
 * the test): every chart's figures, the filters, and who may ask.
 */
describe('approval analytics (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'analytics', users: ['rep', 'rep2', 'manager', 'admin'], clockStart: START });
  const { call, ids } = system;
  const dealIds: Record<string, string> = {};
  let ruleId: string;

  const quote = async (id: string, who = 'rep') => (await call(who, 'GET', `/api/v1/quotes/${id}`)).json<{ status: string; version: number }>();
  const body = (title: string, discount: number, who = 'rep') => ({ title, dealId: dealIds[who], expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: String(discount) } }] });
  const roundOpen = (id: string, round: number) =>
    waitUntil(async () => {
      const page = await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`);
      return page.statusCode === 200 && page.json<{ current: { round: number; status: string } }>().current.round === round ? true : null;
    }, { timeoutMs: 20_000 });
  const submit = async (id: string, who: string, round: number) => {
    const response = await call(who, 'POST', `/api/v1/quotes/${id}/submit`, { version: (await quote(id, who)).version });
    expect(response.json()).toMatchObject({ status: 'pending_approval' });
    await roundOpen(id, round);
  };
  const create = async (who: string, title: string, discount: number) => {
    const created = await call(who, 'POST', '/api/v1/quotes', body(title, discount, who));
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  };
  const decide = async (id: string, round: number, action: 'approve' | 'request-changes') => {
    const response = await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/${action}`, action === 'approve' ? { round } : { round, notes: 'Less discount' });
    expect(response.statusCode, response.body).toBe(200);
  };
  /** Moves the clock; sessions idle that long end, so everyone logs in again. */
  const advance = async (ms: number) => {
    system.advanceClock(ms);
    for (const who of ['rep', 'rep2', 'manager', 'admin']) await system.logIn(who);
  };
  const analytics = async (query = '', who = 'manager') => {
    const response = await call(who, 'GET', `/api/v1/analytics/approvals${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Analytics>();
  };

  beforeAll(async () => {
    await system.start();
    expect((await call('admin', 'PATCH', `/api/v1/users/${ids['rep2']}`, { team: 'Enterprise' })).statusCode).toBe(200);
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          name: 'Manager above 5 %',
          when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 5 }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }],
          firstMatchOnly: false,
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    ruleId = saved.json<{ rules: Array<{ id: string }> }>().rules[0].id;
    dealIds['rep'] = await system.createDeal('Analytics');
    dealIds['rep2'] = await system.createDeal('Analytics Two', 'rep2');

    // Q1: 10 %, approved after 2 h.
    const q1 = await create('rep', 'Q1', 10);
    await submit(q1, 'rep', 1);
    await advance(2 * HOUR);
    await decide(q1, 1, 'approve');
    // Q2: 20 %, changes requested after 6 h; 8 % approved 4 h after resubmission.
    const q2 = await create('rep', 'Q2', 20);
    await submit(q2, 'rep', 1);
    await advance(6 * HOUR);
    await decide(q2, 1, 'request-changes');
    await waitUntil(async () => (await quote(q2)).status === 'changes_requested', { timeoutMs: 20_000 });
    expect((await call('rep', 'PUT', `/api/v1/quotes/${q2}`, { ...body('Q2', 8), version: (await quote(q2)).version })).statusCode).toBe(200);
    await submit(q2, 'rep', 2);
    await advance(4 * HOUR);
    await decide(q2, 2, 'approve');
    // Q3 (rep2, Enterprise): 15 %, still open 2 days and 10 hours later.
    const q3 = await create('rep2', 'Q3', 15);
    await submit(q3, 'rep2', 1);
    await advance(48 * HOUR);
    // Q4 (rep2): 6 %, approved after 10 h.
    const q4 = await create('rep2', 'Q4', 6);
    await submit(q4, 'rep2', 1);
    await advance(10 * HOUR);
    await decide(q4, 1, 'approve');
    await system.waitUntilQuiet();
  });
  afterAll(() => system.stop());

  const stats = (key: string, label: string, count: number, medianHours: number, p90Hours: number) => ({ key, label, count, medianHours, p90Hours });

  it('answers every chart with the figures of the history', async () => {
    const result = await analytics('?from=2026-11-01&to=2026-11-30');
    expect(result.filter).toEqual({ from: '2026-11-01', to: '2026-11-30', team: null, rule: null, bucket: 'week' });
    expect(result.options).toEqual({ teams: ['Enterprise', 'Sales'], rules: [{ id: ruleId, name: 'Manager above 5 %' }] });
    // Decisions after 2, 6, 4 and 10 hours: median 5, p90 6 + (10 − 6) × 0.7.
    const all = stats(ids['manager'], 'Max Manager', 4, 5, 8.8);
    expect(result.timeInApproval.byApprover).toEqual([all]);
    expect(result.slowestApprovers).toEqual([all]);
    expect(result.timeInApproval.byStep).toEqual([{ ...all, key: '1', label: '1' }]);
    expect(result.timeInApproval.byRule).toEqual([{ ...all, key: ruleId, label: 'Manager above 5 %' }]);
    expect(result.timeInApproval.byTeam).toEqual([stats('Enterprise', 'Enterprise', 1, 10, 10), stats('Sales', 'Sales', 3, 4, 5.6)]);
    expect(result.timeInApproval.overTime).toEqual([{ ...all, key: '2026-11-02', label: '2026-11-02' }]);
    expect(result.openByAge).toEqual([
      { bucket: 'lt1d', count: 0 },
      { bucket: '1to3d', count: 1 },
      { bucket: '3to7d', count: 0 },
      { bucket: 'gt7d', count: 0 },
    ]);
    expect(result.rates).toEqual({ decided: 4, approved: 3, changesRequested: 1, approvedPercent: 75, changesRequestedPercent: 25 });
    // rep asked 10 % and 20 % of 2 × 3,000.00 (900.00) and got 10 % and 8 % (540.00); rep2 6 % of 3,000.00.
    expect(result.leakage.byRep).toEqual(
      [
        { key: ids['rep'], label: 'Rita Rep', currency: 'EUR', count: 2, requestedPercent: 15, approvedPercent: 9, requestedDiscountMinor: 90000, approvedDiscountMinor: 54000 },
        { key: ids['rep2'], label: 'Remy Rep', currency: 'EUR', count: 1, requestedPercent: 6, approvedPercent: 6, requestedDiscountMinor: 18000, approvedDiscountMinor: 18000 },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(result.leakage.byProduct).toEqual([{ key: 'Design', label: 'Design', currency: 'EUR', count: 3, requestedPercent: 12, approvedPercent: 8, requestedDiscountMinor: 108000, approvedDiscountMinor: 72000 }]);
    expect(result.escalations).toEqual({ total: 0, byPeriod: [], byRule: [] });
  });

  it('narrows to a team, a rule and a period, and buckets by month', async () => {
    const enterprise = await analytics('?from=2026-11-01&to=2026-11-30&team=Enterprise&bucket=month');
    expect(enterprise.timeInApproval.overTime).toEqual([stats('2026-11', '2026-11', 1, 10, 10)]);
    expect(enterprise.rates).toMatchObject({ decided: 1, approved: 1 });
    expect(enterprise.openByAge.map((b) => b.count)).toEqual([0, 1, 0, 0]);
    const otherRule = await analytics('?from=2026-11-01&to=2026-11-30&rule=no-such-rule');
    expect(otherRule.timeInApproval.byApprover).toEqual([]);
    expect(otherRule.rates).toMatchObject({ decided: 0, approvedPercent: 0 });
    expect((await analytics(`?from=2026-11-01&to=2026-11-30&rule=${ruleId}`)).rates).toMatchObject({ decided: 4 });
    // The first day only: Q1 and Q2's two decisions.
    expect((await analytics('?from=2026-11-02&to=2026-11-02')).timeInApproval.byApprover[0]).toMatchObject({ count: 3, medianHours: 4 });
    expect((await analytics('?from=2026-10-01&to=2026-10-31', 'admin')).rates).toMatchObject({ decided: 0 });
  });

  it('refuses reps (403) and bad filters (422 naming the field)', async () => {
    const rep = await call('rep', 'GET', '/api/v1/analytics/approvals');
    expect(rep.statusCode).toBe(403);
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-11-30&to=2026-11-01', 'from'],
      ['bucket=day', 'bucket'],
    ]) {
      const response = await call('manager', 'GET', `/api/v1/analytics/approvals?${query}`);
      expect(response.statusCode, query).toBe(422);
      expect(response.json(), query).toMatchObject({ code: 'ANALYTICS.INVALID_FILTER', details: { field } });
    }
  });
});
