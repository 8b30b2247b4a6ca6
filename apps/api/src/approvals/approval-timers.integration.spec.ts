import { waitUntil } from '@qa/shared-testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '@qa/shared-testing';
import { ApiWithWorker } from '../testing/api-with-worker';

type Activity = { kind: string; step: number; from: string | null; to: string | null; by: string | null; reason: string | null; at: string };
type Timer = { id: string; kind: string; state: string; due_at: Date };

// Friday 2026-12-04, 16:00 in Amsterdam (the default business hours: Monday to Friday 09:00–17:00).
const FRIDAY_4PM = '2026-12-04T15:00:00.000Z';
// 2 business hours later: 1 on Friday, 1 on Monday → Monday 10:00 local; 4 → Monday 12:00 local.
const REMIND_AT = '2026-12-07T09:00:00.000Z';
const ESCALATE_AT = '2026-12-07T11:00:00.000Z';

/**
 * Reminders and escalation over time, API + worker process on PostgreSQL and Redis, both reading
 * "now" from a clock the test moves (no sleeps): timers are delayed jobs, counted in business hours,
 * fire once (also after the worker is killed with kill -9 and when Redis lost their job), and are
 * cancelled when the step is decided.
 */
describe('approval reminders and escalation (API + worker, moved clock)', () => {
  const system = new ApiWithWorker({ name: 'appr-timers', users: ['rep', 'manager', 'admin'], clockStart: FRIDAY_4PM, workerEnv: { OUTBOX_ACK_TIMEOUT_MS: '1000', WORKER_LOCK_MS: '2000' } });
  const { call, ids } = system;
  let db: Client;
  let queue: Queue;
  let dealId: string;

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    queue = new Queue('approvals.timers', { connection: { url: TEST_REDIS_URL } as never, prefix: system.queuePrefix });
    // One rule for every quote: the manager approves; remind after 2 business hours, then escalate
    // after 4 to the fallback approver (the admin).
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: ids['admin'],
      rules: [
        {
          name: 'Everything',
          when: [],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['manager'] }] }] }],
          firstMatchOnly: false,
          escalation: { remindAfterHours: 2, escalateAfterHours: 4, escalateTo: 'fallback' },
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ rules: [{ escalation: { remindAfterHours: 2, escalateAfterHours: 4, escalateTo: 'fallback' } }], businessHours: { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    dealId = await system.createDeal('Timers');
  });
  afterAll(async () => {
    await queue?.close();
    await db?.end();
    await system.stop();
  });

  /** Moves the clock of API and worker; sessions age with it, so everyone logs in again. */
  const at = async (time: string | Date) => {
    system.setClock(time);
    for (const who of ['rep', 'manager', 'admin']) await system.logIn(who);
  };
  /** The worker's warnings and errors, to say why a wait timed out. */
  const workerLog = async () =>
    system.worker
      .output()
      .split('\n')
      .filter((line) => !line.includes('"level":30'))
      .join('\n')
      .slice(-3000);
  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<{ status: string; version: number }>();
  /** A quote of the rep's, submitted now (by the moved clock); its round's id once it is open. */
  const submitted = async (title: string) => {
    const created = await call('rep', 'POST', '/api/v1/quotes', { title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1500.00' }] });
    expect(created.statusCode, created.body).toBe(201);
    const quoteId = created.json<{ id: string }>().id;
    const response = await call('rep', 'POST', `/api/v1/quotes/${quoteId}/submit`, { version: (await quote(quoteId)).version });
    expect(response.json()).toMatchObject({ status: 'pending_approval' });
    const requestId = await waitUntil(async () => (await db.query<{ id: string }>('select id from approvals_request where quote_id = $1', [quoteId])).rows[0]?.id ?? null, { timeoutMs: 20_000, describe: workerLog });
    return { quoteId, requestId };
  };
  const timersOf = async (requestId: string) => (await db.query<Timer>('select id, kind, state, due_at from approvals_timer where request_id = $1 order by kind desc', [requestId])).rows;
  const scheduled = (requestId: string) => waitUntil(async () => ((await timersOf(requestId)).length === 2 ? timersOf(requestId) : null), { timeoutMs: 20_000, describe: workerLog });
  const activityOf = async (requestId: string) => (await db.query<{ activity: Activity[] | null }>('select activity from approvals_request where id = $1', [requestId])).rows[0]?.activity ?? [];
  const until = (requestId: string, kind: string) =>
    waitUntil(async () => ((await activityOf(requestId)).some((a) => a.kind === kind) ? activityOf(requestId) : null), { timeoutMs: 20_000, describe: async () => JSON.stringify(await activityOf(requestId)) });
  const eventsNamed = async (name: string, requestId: string) =>
    Number((await db.query<{ n: string }>("select count(*) as n from messaging_outbox where name = $1 and payload->>'requestId' = $2", [name, requestId])).rows[0]!.n);

  it('schedules the step’s reminder and escalation in business hours, reminds once, then escalates once while the manager can still decide', async () => {
    await at(FRIDAY_4PM);
    const { quoteId, requestId } = await submitted('Timers: remind and escalate');
    const timers = await scheduled(requestId);
    expect(timers.map((t) => [t.kind, t.state, new Date(t.due_at).toISOString()])).toEqual([
      ['remind', 'scheduled', REMIND_AT],
      ['escalate', 'scheduled', ESCALATE_AT],
    ]);
    // Delayed jobs on the queue, one per timer.
    expect(await Promise.all(timers.map(async (t) => (await queue.getJob(t.id))?.getState()))).toEqual(['delayed', 'delayed']);

    // Monday 10:00 local: the reminder, not yet the escalation.
    await at(REMIND_AT);
    const reminded = await until(requestId, 'reminded');
    expect(reminded).toEqual([{ kind: 'reminded', step: 0, from: null, to: null, by: null, note: null, reason: null, at: REMIND_AT }]);
    expect((await timersOf(requestId)).map((t) => [t.kind, t.state])).toEqual([
      ['remind', 'fired'],
      ['escalate', 'scheduled'],
    ]);

    // Monday 12:00 local: the step also goes to the fallback approver.
    await at(ESCALATE_AT);
    const escalated = await until(requestId, 'escalated');
    expect(escalated.at(-1)).toEqual({ kind: 'escalated', step: 0, from: null, to: ids['admin'], by: null, note: null, reason: 'no-decision', at: ESCALATE_AT });
    const page = (await call('admin', 'GET', `/api/v1/approvals/quotes/${quoteId}`)).json<{ current: { currentApproverIds: string[] }; canDecide: boolean }>();
    expect(page.current.currentApproverIds).toEqual([ids['manager'], ids['admin']]);
    expect(page.canDecide).toBe(true);
    // The built-in workflow gives the admin a review task.
    const escalatedTask = await waitUntil(
      async () => {
        const tasks = (await call('admin', 'GET', '/api/v1/tasks')).json<{ items: Array<{ message: { code: string; params: Record<string, string> } | null; status: string }> }>().items;
        return tasks.find((t) => t.message?.code === 'approvals.reviewQuoteEscalated') ?? null;
      },
      { timeoutMs: 20_000, describe: workerLog },
    );
    expect(escalatedTask).toMatchObject({ status: 'open', message: { params: { title: 'Timers: remind and escalate' } } });

    // The original approver still decides.
    const decided = await call('manager', 'POST', `/api/v1/approvals/quotes/${quoteId}/approve`, { round: 1 });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });

    // Once each, however often the sweep ran meanwhile.
    await at(new Date(system.now().getTime() + 24 * 3_600_000));
    await system.waitUntilQuiet();
    expect((await activityOf(requestId)).map((a) => a.kind)).toEqual(['reminded', 'escalated']);
    expect(await eventsNamed('approvals.request.reminded.v1', requestId)).toBe(1);
    expect(await eventsNamed('approvals.request.escalated.v1', requestId)).toBe(1);
    expect((await timersOf(requestId)).map((t) => t.state)).toEqual(['fired', 'fired']);
  });

  it('cancels the step’s timers when the step is decided, and takes their jobs off the queue', async () => {
    await at(FRIDAY_4PM);
    const { quoteId, requestId } = await submitted('Timers: decided in time');
    const timers = await scheduled(requestId);
    await at('2026-12-07T08:30:00.000Z'); // Monday 09:30 local: before the reminder
    const decided = await call('manager', 'POST', `/api/v1/approvals/quotes/${quoteId}/approve`, { round: 1 });
    expect(decided.statusCode, decided.body).toBe(200);
    await waitUntil(async () => ((await timersOf(requestId)).every((t) => t.state === 'cancelled') ? true : null), { timeoutMs: 20_000, describe: async () => JSON.stringify(await timersOf(requestId)) });
    expect(await Promise.all(timers.map((t) => queue.getJob(t.id)))).toEqual([undefined, undefined]);
    await at(new Date(system.now().getTime() + 24 * 3_600_000));
    await system.waitUntilQuiet();
    expect(await activityOf(requestId)).toEqual([]);
  });

  it('fires a timer once after its job was lost with Redis (the sweep queues it again)', async () => {
    await at(FRIDAY_4PM);
    const { requestId } = await submitted('Timers: lost job');
    const [remind] = await scheduled(requestId);
    // As if Redis came back empty: the reminder's job is gone.
    await (await queue.getJob(remind!.id))!.remove();
    await at(REMIND_AT);
    await until(requestId, 'reminded');
    await system.waitUntilQuiet();
    expect((await activityOf(requestId)).map((a) => a.kind)).toEqual(['reminded']);
    expect(await eventsNamed('approvals.request.reminded.v1', requestId)).toBe(1);
  });

  it('fires a timer once after the worker was killed with kill -9 between scheduling it and its time', async () => {
    await at(FRIDAY_4PM);
    const { requestId } = await submitted('Timers: kill -9');
    await scheduled(requestId);
    await system.worker.kill9();
    system.forgetWorker();
    await at(REMIND_AT);
    await system.startWorker();
    await until(requestId, 'reminded');
    await system.waitUntilQuiet();
    expect((await activityOf(requestId)).map((a) => a.kind)).toEqual(['reminded']);
    expect(await eventsNamed('approvals.request.reminded.v1', requestId)).toBe(1);
    expect((await timersOf(requestId)).map((t) => [t.kind, t.state])).toEqual([
      ['remind', 'fired'],
      ['escalate', 'scheduled'],
    ]);
  });
});
