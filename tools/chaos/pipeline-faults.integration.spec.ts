/**
 * The product under faults: the API, an outbox relay and a worker run as separate processes, on a
 * PostgreSQL server and a Redis server the test started itself (the shared ones are never
 * touched). Quotes are submitted and approved over HTTP while processes are killed with
 * `kill -9` at seeded random moments, while PostgreSQL restarts, and while Redis dies (empty) or
 * pauses (with its data). Afterwards every expected effect exists exactly once, counted in the
 * database.
 *
 * In `npm test`: 40 quotes, each process killed once. In `npm run chaos` (CHAOS_FULL=1): 5,000
 * quotes (10,000 transitions asked for) with kills every 3–12 s; CHAOS_QUOTES=<n> for another
 * number. CHAOS_SEED=<n> repeats a run's fault schedule.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  freePort,
  startAppProcess,
  startOwnPostgresServer,
  startOwnRedisServer,
  waitUntil,
  type AppProcess,
  type OwnPostgresServer,
  type OwnRedisServer,
  waitUntilQuiet,
} from '@qa/shared-testing';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The quote approval workflow set's size (libs/workflows/application/src/quote-approvals). */
const APPROVAL_SET_SIZE = 9;

const FULL = process.env['CHAOS_FULL'] === '1';
/**
 * Quotes of the kill -9 run: each makes two transitions asked over HTTP (submitted, approved),
 * and one more the worker makes (published); 5,000 quotes are 10,000 transitions asked for. The
 * PostgreSQL and Redis runs take a tenth of that each in a full run, half in CI.
 */
const QUOTES = Number(process.env['CHAOS_QUOTES'] ?? (FULL ? 5_000 : 40));
const FAULT_RUN_QUOTES = FULL ? Math.max(10, Math.floor(QUOTES / 10)) : Math.max(10, Math.floor(QUOTES / 2));
const SEED = Number(process.env['CHAOS_SEED'] ?? Date.now() % 1_000_000);
const IN_FLIGHT = FULL ? 16 : 8;
const root = resolve(__dirname, '../..');

/** mulberry32: a small seeded generator, so a failing run's fault schedule can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('the product under faults (API, relay and worker as processes; own PostgreSQL and Redis)', { timeout: FULL ? 4 * 3_600_000 : 300_000 }, () => {
  const random = seeded(SEED);
  let pg: OwnPostgresServer;
  let redis: OwnRedisServer;
  /** A pool, not one client: it replaces the connections PostgreSQL's restart drops. */
  let db: Pool;
  let env: Record<string, string>;
  let baseUrl: string;
  const processes: Record<'api' | 'relay' | 'worker', AppProcess | null> = { api: null, relay: null, worker: null };
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let dealId: string;
  /** Responses at or above 500 other than 503, with what was asked. */
  const serverErrors: string[] = [];
  const statuses: Record<number, number> = {};

  const starters = {
    api: () => startAppProcess('apps/api/src/main.ts', env, 'API listening'),
    relay: () => startAppProcess('apps/worker/src/main.ts', { ...env, WORKER_PROCESSORS: 'false' }, 'worker ready'),
    worker: () => startAppProcess('apps/worker/src/main.ts', { ...env, WORKER_RELAY: 'false' }, 'worker ready'),
  };

  beforeAll(async () => {
    console.log(`chaos: seed ${SEED} (CHAOS_SEED=${SEED} repeats it), ${QUOTES} quotes`);
    [pg, redis] = await Promise.all([startOwnPostgresServer(), startOwnRedisServer()]);
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('create database qa_chaos');
    await admin.end();
    const databaseUrl = pg.url.replace(/\/postgres$/, '/qa_chaos');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      QUEUE_PREFIX: 'qa-chaos',
      LOG_LEVEL: 'info',
      ADMIN_DIST: '',
      OUTBOX_ACK_TIMEOUT_MS: '3000',
      WORKER_LOCK_MS: '3000',
      JOB_BACKOFF_MS: '100',
      JOB_ATTEMPTS: '20',
    };
    for (const script of ['tools/db/migrate.ts', 'tools/db/seed.ts']) {
      execFileSync(process.execPath, ['tools/launcher/run-ts.cjs', script], { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
    }
    db = new Pool({ connectionString: databaseUrl, max: 2 });
    db.on('error', () => undefined);
    // Each assigned as it comes up, so afterAll stops the ones that started if another did not.
    await Promise.all((['api', 'relay', 'worker'] as const).map(async (name) => void (processes[name] = await starters[name]())));
    for (const who of ['rep', 'manager', 'admin']) {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@example.com`, password: 'demo' }) });
      cookies[who] = (response.headers.get('set-cookie') ?? '').split(';')[0];
      ids[who] = ((await call(who, 'GET', '/api/v1/me')).body['id'] as string) ?? '';
    }
    const deals = (await call('rep', 'GET', '/api/v1/crm/deals')).body['items'] as Array<{ id: string; ownerId: string }>;
    dealId = deals.find((d) => d.ownerId === ids['rep'])!.id;
    const settings = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    expect(settings.status).toBe(200);
    await waitUntil(async () => Number((await db.query("select count(*) as n from workflows_workflow where set_key = 'quote-approvals-v1' and enabled")).rows[0].n) === APPROVAL_SET_SIZE, { timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await Promise.all(Object.values(processes).map((p) => p?.stop()));
    await db?.end().catch(() => undefined);
    await pg?.dispose();
    await redis?.dispose();
  });

  /**
   * One request, retried as a careful client would: with the same Idempotency-Key while the API is
   * down (connection refused) or answers 503. Records every status, and any other 5xx.
   */
  async function call(who: string, method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      let status = 0;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie: cookies[who] ?? '', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        const text = await response.text();
        statuses[status] = (statuses[status] ?? 0) + 1;
        const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
        if (status >= 500 && status !== 503) {
          serverErrors.push(`${method} ${path} → ${status} ${text.slice(0, 300)}`);
          console.error(`chaos: ${method} ${path} → ${status}; the API said:\n${processes.api?.output().split('\n').filter((l) => /"level":50|ERROR/.test(l)).slice(-5).join('\n')}`);
        }
        if (status !== 503) return { status, body: parsed };
        if (status === 503) expect(parsed).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      } catch (error) {
        // The API process is down or was killed mid-request: the same key again.
        if (status) throw error;
      }
      if (attempt > 600) throw new Error(`${method} ${path}: no answer after ${attempt} attempts`);
      await sleep(100 + Math.floor(random() * 200));
    }
  }

  const quoteBody = (n: number) => ({ title: `Chaos quote ${n}`, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1 + (n % 5), unitPrice: '1000.00' }] });

  /**
   * Creates, submits and approves `count` quotes, IN_FLIGHT at a time; returns their ids. `done`
   * fills as they are approved (for the faults to wait for progress).
   */
  async function runQuotes(count: number, label: string, keepGoing: () => boolean = () => false, done: string[] = []): Promise<string[]> {
    const started = Date.now();
    let next = 0;
    const lane = async () => {
      while (next < count || keepGoing()) {
        const n = next++;
        const created = await call('rep', 'POST', '/api/v1/quotes', quoteBody(n), randomUUID());
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const id = created.body['id'] as string;
        const submitKey = randomUUID();
        const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 }, submitKey);
        expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
        expect(submitted.body['status']).toBe('pending_approval');
        if (n % 5 === 0) {
          // A client that never saw the answer sends it again: the first answer, acted once.
          const again = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 }, submitKey);
          expect(again).toEqual(submitted);
        }
        // The approval request is made by the approvals context when it handles the submission.
        await waitUntil(async () => ((await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).body['current'] as { round?: number } | null)?.round === 1, {
          timeoutMs: 120_000,
          intervalMs: 200,
          describe: async () => JSON.stringify((await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).body),
        });
        const approved = await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 }, randomUUID());
        expect(approved.status, JSON.stringify(approved.body)).toBe(200);
        done.push(id);
        if (done.length % 500 === 0) console.log(`chaos: ${label}: ${done.length} quotes approved (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    console.log(`chaos: ${label}: ${done.length} quotes submitted and approved; statuses so far ${JSON.stringify(statuses)}`);
    return done;
  }

  /** Every expected effect of a submitted and approved quote exists exactly once. */
  async function expectEffectsOnce(quoteIds: string[]): Promise<void> {
    const count = async (sql: string) => Number((await db.query(sql, [quoteIds])).rows[0].n);
    // The worker catches up after the batch (workflows lag the approvals when thousands arrive).
    const timeoutMs = Math.max(180_000, quoteIds.length * 150);
    const published = () => count("select count(*) as n from quotes_quote where id = any($1) and status = 'published'");
    await waitUntil(async () => (await published()) === quoteIds.length, {
      timeoutMs,
      describe: async () => `${await published()} of ${quoteIds.length} published; ${JSON.stringify((await db.query('select status, count(*) from quotes_quote where id = any($1) group by status', [quoteIds])).rows)}`,
    });
    const taskCounts = () => db.query("select related_id, count(*)::int as n, count(*) filter (where status = 'completed')::int as completed from tasks_task where related_id = any($1) and assignee_id = $2 group by related_id", [quoteIds, ids['manager']]);
    await waitUntil(async () => (await taskCounts()).rows.filter((r) => r.n === 1 && r.completed === 1).length === quoteIds.length, {
      timeoutMs,
      describe: async () => JSON.stringify((await taskCounts()).rows.filter((r) => r.n !== 1 || r.completed !== 1).slice(0, 5)),
    });
    const notices = () => db.query("select count(*)::int as n, count(distinct q.id)::int as quotes from notifications_notification n join quotes_quote q on n.message->>'code' = 'approvals.quoteApproved' and n.message->'params'->>'number' = q.number where q.id = any($1) and n.recipient_user_id = $2", [quoteIds, ids['rep']]);
    await waitUntil(async () => (await notices()).rows[0].quotes === quoteIds.length, { timeoutMs, describe: async () => JSON.stringify((await notices()).rows) });
    // Once nothing is left to deliver, run or retry, anything doubled would have arrived.
    await waitUntilQuiet({ database: db, redisUrl: redis.url, queuePrefix: env['QUEUE_PREFIX'], timeoutMs });
    expect((await notices()).rows[0]).toEqual({ n: quoteIds.length, quotes: quoteIds.length });
    expect((await taskCounts()).rows.every((r) => r.n === 1)).toBe(true);
    // Each quote went draft → pending approval → approved → published, once each.
    const histories = await db.query("select id, (select array_agg(h->>'status') from jsonb_array_elements(history) h) as statuses from quotes_quote where id = any($1)", [quoteIds]);
    expect(histories.rows.filter((r) => r.statuses.join(',') !== 'draft,pending_approval,approved,published').slice(0, 3)).toEqual([]);
    // The approval property changed to each value once per quote.
    const changes = await db.query("select record_id, name, value::text as value, count(*)::int as n from workflows_record_property_change where record_id = any($1) and name = 'approval_status' group by record_id, name, value having count(*) > 1", [quoteIds]);
    expect(changes.rows).toEqual([]);
    const approvedValues = await count("select count(distinct record_id) as n from workflows_record_property where record_id = any($1) and name = 'approval_status' and value::text = '\"approved\"'");
    expect(approvedValues).toBe(quoteIds.length);
    expect(serverErrors).toEqual([]);
  }

  it('keeps every effect exactly once while the worker, the relay and the API are killed with kill -9 at random moments', async () => {
    let running = true;
    let chaosDone = false;
    const kills: string[] = [];
    const chaos = (async () => {
      const victims = ['worker', 'relay', 'api'] as const;
      let round = 0;
      while (running && (FULL || round < victims.length)) {
        // A full run kills every 3–12 s, so the processes get work done between their deaths.
        await sleep(FULL ? 3_000 + Math.floor(random() * 9_000) : 1_000 + Math.floor(random() * 3_000));
        if (!running) break;
        // In CI each process dies once, in a seeded order; the full run goes on until the end.
        const victim = FULL ? victims[Math.floor(random() * victims.length)] : victims[(round + SEED) % victims.length];
        round += 1;
        await processes[victim]!.kill9();
        kills.push(victim);
        await sleep(Math.floor(random() * 1_500));
        processes[victim] = await starters[victim]();
      }
      chaosDone = true;
    })();
    let quoteIds: string[];
    try {
      // The batch goes on until each process has died once in CI, and until three kills in a
      // full run (mid-flight, not after the end), however few quotes were asked for.
      quoteIds = await runQuotes(QUOTES, 'kill -9', () => (FULL ? kills.length < 3 : !chaosDone));
    } finally {
      running = false;
      await chaos;
    }
    console.log(`chaos: killed ${kills.join(', ')}`);
    expect(kills.length).toBeGreaterThanOrEqual(3);
    await expectEffectsOnce(quoteIds);
  });

  /** Until the batch has `approved` more quotes than `since` (or has finished): the product is at work. */
  const progress = (approved: string[], since: number, batch: Promise<unknown>) => {
    let finished = false;
    void batch.finally(() => (finished = true)).catch(() => undefined);
    return waitUntil(async () => approved.length > since || finished, { timeoutMs: 120_000, describe: () => `${approved.length} quotes approved` });
  };

  it('answers 503 (never 500) while PostgreSQL is down, and loses nothing when it comes back', async () => {
    const approved: string[] = [];
    const batch = runQuotes(FAULT_RUN_QUOTES, 'PostgreSQL restart', undefined, approved);
    // The fault comes mid-flight: once the first quote is through, the others are on their way.
    await progress(approved, 0, batch);
    await pg.stopImmediately();
    // While the database is gone: reads and writes answer 503 with a clear body.
    const whileDown = await Promise.all([
      fetch(`${baseUrl}/api/v1/quotes`, { headers: { cookie: cookies['rep'] } }),
      fetch(`${baseUrl}/api/v1/quotes`, { method: 'POST', headers: { cookie: cookies['rep'], 'content-type': 'application/json' }, body: JSON.stringify(quoteBody(0)) }),
      fetch(`${baseUrl}/api/health`),
    ]);
    for (const response of whileDown) {
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ statusCode: 503 });
    }
    await sleep(FULL ? 10_000 : 3_000); // the outage's length is part of the fault, not a wait for anything
    await pg.start();
    const quoteIds = await batch;
    await expectEffectsOnce(quoteIds);
  });

  it('loses nothing when Redis is killed and comes back empty, nor when it stops and comes back with its data', async () => {
    const approved: string[] = [];
    const batch = runQuotes(FAULT_RUN_QUOTES, 'Redis faults', undefined, approved);
    await progress(approved, 0, batch);
    await redis.kill9();
    await sleep(1_000); // down for a second (the fault)
    await redis.start(); // empty: it keeps nothing on disk
    // The product works on the empty Redis (a quote approved since) before it stops with its data.
    await progress(approved, approved.length, batch);
    await redis.stopSavingData();
    await sleep(FULL ? 10_000 : 3_000); // the outage (the fault)
    await redis.start(); // with what it saved
    const quoteIds = await batch;
    await expectEffectsOnce(quoteIds);
  });
});
