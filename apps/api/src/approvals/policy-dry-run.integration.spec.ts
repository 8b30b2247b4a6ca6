import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Run = { id: string; state: string; limit: number | null; processed: number; total: number; createdAt: string; finishedAt: string | null; result: Json | null };

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The approval policy's dry run over HTTP, API + worker on PostgreSQL and Redis: six quotes
 * submitted under policy A (the owner's manager above 10 % off), two of them approved at known
 * clock times; a draft policy B runs over them and the whole report is checked against figures
 * worked out by hand. The demo org: Rita Rep reports to Max Manager, who reports to Ada Admin.
 */
describe('dry run of a draft approval policy over past quotes (API + worker)', () => {
  // Two quotes a page: the six quotes take three pages (keyset paging, progress after each).
  const system = new ApiWithWorker({ name: 'dry-run', users: ['rep', 'manager', 'admin'], clockStart: new Date(T0).toISOString(), workerEnv: { DRY_RUN_PAGE_SIZE: '2' } });
  const { call, ids } = system;
  /** The quotes by their discount. */
  const quotes: Record<string, { id: string; number: string }> = {};

  const policyA = {
    requireApproval: false,
    defaultApproverId: null,
    rules: [{ name: 'Manager above 10 %', when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 10 }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }], firstMatchOnly: false }],
  };
  const policyB = () => ({
    requireApproval: false,
    defaultApproverId: null,
    rules: [
      {
        name: 'Manager then director above 20 %',
        when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
        route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] }] }],
        firstMatchOnly: false,
      },
      { name: 'Ada for 10–14 %', when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: [10, 14] }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['admin'] }] }] }], firstMatchOnly: false },
      { name: 'Ada for long terms', when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['admin'] }] }] }], firstMatchOnly: false },
    ],
  });

  const roundOpen = (id: string) =>
    waitUntil(async () => {
      const page = await call('admin', 'GET', `/api/v1/approvals/quotes/${id}`);
      return page.statusCode === 200 && page.json<{ current: { status: string } }>().current.status === 'pending' ? page.json<{ current: { round: number } }>().current : null;
    }, { timeoutMs: 20_000 });
  const finished = (id: string, who = 'admin') =>
    waitUntil(async () => {
      const run = (await call(who, 'GET', `/api/v1/approvals/dry-runs/${id}`)).json<Run>();
      return run.state === 'finished' || run.state === 'failed' ? run : null;
    }, { timeoutMs: 30_000 });

  beforeAll(async () => {
    await system.start();
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', policyA);
    expect(saved.statusCode, saved.body).toBe(200);
    const dealId = await system.createDeal('Dry run');
    // One a minute from T0: 5 %, 15 %, 25 %, 12 %, 30 % and 8 % at 60 days' terms.
    const made: Array<[string, number]> = [['5', 30], ['15', 30], ['25', 30], ['12', 30], ['30', 30], ['8', 60]];
    for (const [i, [discount, paymentTermsDays]] of made.entries()) {
      system.setClock(new Date(T0 + i * MINUTE));
      const created = await call('rep', 'POST', '/api/v1/quotes', {
        title: `Dry run ${discount} %`,
        dealId,
        expiresOn: '2099-12-31',
        paymentTermsDays,
        lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00', discount: { type: 'percent', value: discount } }],
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      const { number, version } = (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<{ number: string; version: number }>();
      const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version });
      expect(submitted.statusCode, submitted.body).toBe(200);
      quotes[discount] = { id, number };
      await system.waitUntilQuiet();
    }
    // Max answers the 15 % quote 2 h after it opened and the 25 % one after 4 h: his median is 3 h,
    // and so is everyone's (Ada never decided: she counts 3 h).
    for (const [discount, at] of [['15', T0 + MINUTE + 2 * HOUR], ['25', T0 + 2 * MINUTE + 4 * HOUR]] as const) {
      const { round } = await roundOpen(quotes[discount]!.id);
      system.setClock(new Date(at));
      const approved = await call('manager', 'POST', `/api/v1/approvals/quotes/${quotes[discount]!.id}/approve`, { round });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    await system.waitUntilQuiet();
  });
  afterAll(() => system.stop());

  it('reports the draft against what happened: needs, steps per approver, each difference and the extra wait', async () => {
    const started = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyB(), limit: 'all' });
    expect(started.statusCode, started.body).toBe(202);
    const run = await finished(started.json<{ id: string }>().id);
    const q = (discount: string) => ({ quoteId: quotes[discount]!.id, number: quotes[discount]!.number });
    const [max, ada] = [ids['manager']!, ids['admin']!];
    expect(run).toEqual({
      id: started.json<{ id: string }>().id,
      state: 'finished',
      limit: null,
      processed: 6,
      total: 6,
      createdAt: expect.any(String),
      finishedAt: expect.any(String),
      result: {
        examined: 6,
        draftNeedsApproval: 4,
        realNeededApproval: 4,
        approvers: [
          { approverId: ada, name: 'Ada Admin', draftSteps: 4, realSteps: 0, medianResponseHours: null },
          { approverId: max, name: 'Max Manager', draftSteps: 2, realSteps: 4, medianResponseHours: 3 },
        ],
        differenceCount: 5,
        // Last submitted first. Expected waits: Max 3 h, Ada (no decision yet) everyone's 3 h.
        differences: [
          { ...q('8'), kind: 'newly-needs-approval', real: null, draft: [[ada]], extraWaitHours: 3 },
          { ...q('30'), kind: 'more-steps', real: [[max]], draft: [[max], [ada]], extraWaitHours: 3 },
          { ...q('12'), kind: 'other-approvers', real: [[max]], draft: [[ada]], extraWaitHours: 0 },
          { ...q('25'), kind: 'more-steps', real: [[max]], draft: [[max], [ada]], extraWaitHours: 3 },
          { ...q('15'), kind: 'no-longer-needs-approval', real: [[max]], draft: null, extraWaitHours: -3 },
        ],
        // 3 + 3 + 0 + 3 − 3 over six quotes.
        wait: { totalExtraHours: 6, averageExtraHours: 1, overallMedianHours: 3 },
      },
    });
    // The last two only; nothing saved.
    const lastTwo = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyB(), limit: 2 });
    expect((await finished(lastTwo.json<{ id: string }>().id)).result).toMatchObject({ examined: 2, draftNeedsApproval: 2, realNeededApproval: 1, differenceCount: 2 });
    expect((await call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ rules: [{ name: 'Manager above 10 %' }] });
  });

  it('cancels a run: it stops before its quotes are done and stays cancelled', async () => {
    // Without a worker the run waits on the queue: cancelled there, the worker later finds it so and leaves it.
    await system.worker.stop();
    system.forgetWorker();
    const started = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyB() });
    const id = started.json<{ id: string }>().id;
    expect((await call('admin', 'GET', `/api/v1/approvals/dry-runs/${id}`)).json()).toMatchObject({ state: 'queued', limit: 1000, processed: 0, total: 6, result: null });
    const cancelled = await call('admin', 'POST', `/api/v1/approvals/dry-runs/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', processed: 0, total: 6, finishedAt: expect.any(String), result: null });
    await system.startWorker();
    await system.waitUntilQuiet();
    const after = (await call('admin', 'GET', `/api/v1/approvals/dry-runs/${id}`)).json<Run>();
    expect([after.state, after.processed, after.total, after.result]).toEqual(['cancelled', 0, 6, null]);
  });

  it('refuses a rep and a manager, hides a run from others, and refuses a bad policy or N as a save would', async () => {
    expect((await call('rep', 'POST', '/api/v1/approvals/dry-runs', policyB())).statusCode).toBe(403);
    expect((await call('manager', 'POST', '/api/v1/approvals/dry-runs', policyB())).statusCode).toBe(403);
    const started = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyB(), limit: 1 });
    const id = started.json<{ id: string }>().id;
    expect((await call('manager', 'GET', `/api/v1/approvals/dry-runs/${id}`)).statusCode).toBe(403);
    expect((await call('manager', 'POST', `/api/v1/approvals/dry-runs/${id}/cancel`)).statusCode).toBe(403);
    expect((await call('admin', 'GET', '/api/v1/approvals/dry-runs/0190a1b2-0000-7000-8000-000000000000')).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.DRY_RUN_NOT_FOUND' });
    const bad = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyA, rules: [{ ...policyA.rules[0], when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 'abc' }] }] }] });
    expect(bad.json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.INVALID_SETTINGS', details: { fields: [{ field: 'rules.0.when.0.conditions.0.value' }] } });
    const badN = await call('admin', 'POST', '/api/v1/approvals/dry-runs', { ...policyA, limit: 0 });
    expect(badN.json()).toMatchObject({ statusCode: 400, details: { fields: [expect.objectContaining({ field: 'limit' })] } });
    await finished(id);
  });
});
