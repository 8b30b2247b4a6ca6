/**
 * API benchmark:  npm run bench:api
 *
 * The API as production runs it (its own process, PostgreSQL, Redis, request logs at info to a
 * file), on a fresh database with the demo users and BENCH_QUOTES quotes (default 1,000,000, by
 * the bulk seed of tools/db/seed-quotes.ts). Load comes from this process:
 * - the quotes list, 50 rows, as the manager: filtered by status (Pending approval), by text (a
 *   company's name; a word in one title of twenty), and a rep's own list filtered by status;
 *   latency at an even rate
 *   (BENCH_LIST_RATE, default 50 requests/s, open loop: see paced()) and the most requests/s 8
 *   autocannon connections get;
 * - "Approve and publish" at an even 100 requests/s, each request on another quote in Pending
 *   approval (seeded with its approval round).
 * Several runs (BENCH_RUNS, default 3) of BENCH_SECONDS (default 10) each; prints min/median/max
 * of each figure beside its target and writes tools/bench/results/api.{json,md}. A latency counts
 * only when every request answered 2xx; other answers are printed. Figures only: nothing here
 * asserts a speed.
 *
 * BENCH_DATABASE_URL reuses an already seeded database (kept afterwards) instead of a fresh one;
 * BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the API process there; BENCH_API_NODE_ARGS adds
 * node flags to it (e.g. --trace-gc; its log is then kept); BENCH_SCENARIOS=list or approve runs
 * one side only, for profiling (no results written).
 */
import { createTestDatabase, removeQueueKeys, TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
import { migrateDatabase } from '@qa/platform-database';
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { seedQuotes } from '../db/seed-quotes';
import { runBenchmark, writeResults } from './results';
import { percentile, stats, type Stats } from './stats';

const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LIST_RATE = Number(process.env.BENCH_LIST_RATE ?? 50);
const APPROVE_RATE = 100;
const THROUGHPUT_CONNECTIONS = 8;
const TARGETS = { listP95Ms: 30, approveP99Ms: 50 };
/** Both by default; one of them (`list` or `approve`) for profiling, which then writes no results. */
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'list,approve').split(',');
const ALL_SCENARIOS = SCENARIOS.includes('list') && SCENARIOS.includes('approve');
const ROOT = resolve(__dirname, '../..');


interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statusCounts: Record<string, number>;
  errors: number;
  /** The first few answers that were not 2xx. */
  failures: string[];
  /** A paced run that stopped early: the API fell more than two seconds behind the rate. */
  saturated?: boolean;
}

interface Load {
  path: () => string;
  method?: 'GET' | 'POST';
  body?: string;
  cookie: string;
  /** autocannon's connections (as fast as they go); unused by the paced load. */
  connections: number;
  seconds: number;
  /** Stop after this many requests (the approve run has one quote per request). */
  amount?: number;
}

// ---------- the API as its own process ----------

interface ApiProcess {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts apps/api/src/main.ts as production runs it. Its log goes to a file, not through a pipe
 * into this process: at info it writes a line per request, which this process would have to read
 * while it measures.
 */
async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = join(tmpdir(), `qa-bench-api-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  const profile = [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : []),
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...profile, 'tools/launcher/run-ts.cjs', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitUntil(
    async () => {
      if (gone) throw new Error(`the API exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      return readFileSync(logFile, 'utf8').includes('API listening');
    },
    { timeoutMs: 120_000, intervalMs: 200 },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      if (process.env.BENCH_API_NODE_ARGS) console.log(`API log (with its node flags' output): ${logFile}`);
      else rmSync(logFile, { force: true });
    },
  };
}

async function logIn(api: ApiProcess, email: string): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
  if (response.status !== 200) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('qa_session='));
  if (!cookie) throw new Error(`login of ${email}: no session cookie`);
  return cookie.split(';')[0];
}

// ---------- load ----------

async function measure(api: ApiProcess, load: Load): Promise<Measured> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const failures: string[] = [];
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolveRun, reject) => (finish = (error, result) => (error ? reject(error) : resolveRun(result))));
  const instance = autocannon({
    url: api.url,
    connections: load.connections,
    duration: load.seconds,
    amount: load.amount,
    timeout: 30,
    requests: [
      {
        method: load.method ?? 'GET',
        headers: { cookie: load.cookie, ...(load.body ? { 'content-type': 'application/json' } : {}) },
        body: load.body,
        setupRequest: (request) => ({ ...request, path: load.path() }),
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  }, (error, result) => finish(error, result));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / (result.duration || load.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statusCounts,
    errors: result.errors + result.timeouts,
    failures,
  };
}

/**
 * An open-loop load at an even rate: request k is due at start + k / rate, whatever the answers
 * before it did, and its latency counts from when it was due (so a slow answer that holds up the
 * next requests shows in their latency too). autocannon's own rate limit is not used for this: it
 * lets each connection send its share of a second back to back at the start of that second, so
 * "100 requests/s" arrives as bursts of concurrent requests.
 */
async function paced(api: ApiProcess, load: Load & { rate: number }): Promise<Measured> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(api.url);
  const total = load.amount ?? Math.round(load.rate * load.seconds);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const failures: string[] = [];
  let errors = 0;
  const send = (path: string) =>
    new Promise<{ status: number; body: string }>((resolveSend, reject) => {
      const request = httpRequest(
        { agent, host: target.hostname, port: target.port, method: load.method ?? 'GET', path, headers: { cookie: load.cookie, ...(load.body ? { 'content-type': 'application/json' } : {}) } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolveSend({ status: response.statusCode ?? 0, body }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
      request.end(load.body);
    });
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  let open = 0;
  let saturated = false;
  for (let k = 0; k < total; k++) {
    // More than two seconds' worth of requests unanswered: the API cannot keep up with this rate.
    // Stop sending (the latencies so far already say so) instead of queueing minutes of work.
    if (open > 2 * load.rate) {
      saturated = true;
      break;
    }
    const due = started + (k * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    open++;
    inFlight.push(
      send(load.path()).then(
        ({ status, body }) => {
          open--;
          latencies.push(performance.now() - due);
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
        },
        (error: Error) => {
          open--;
          errors++;
          if (failures.length < 5) failures.push(error.message);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statusCounts, errors, failures, saturated };
}

const ms = (n: number) => n.toFixed(1);
const allOk = (m: Measured) => m.errors === 0 && Object.keys(m.statusCounts).every((s) => s.startsWith('2'));

// ---------- main ----------

async function main() {
  const reuse = process.env.BENCH_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => undefined } : await createTestDatabase('qa_bench_api');
  const queuePrefix = `bench-api-${randomBytes(3).toString('hex')}`;
  let api: ApiProcess | undefined;
  const pg = new Client({ connectionString: database.url });
  try {
    console.log(`API benchmark: ${QUOTES.toLocaleString('en')} quotes, ${RUNS} runs of ${SECONDS} s, ${cpus().length} cores, ${new Date().toISOString()}`);
    await migrateDatabase({ kind: 'postgresql', url: database.url });
    await pg.connect();
    const existing = (await pg.query<{ n: number }>('select count(*)::int as n from quotes_quote')).rows[0].n;
    let seedSeconds: number | null = null;
    if (existing < QUOTES) {
      execFileSync(process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/seed.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL }, stdio: 'inherit' });
      seedSeconds = (await seedQuotes(database.url, { count: QUOTES - existing })).seconds;
    } else {
      console.log(`reusing ${existing.toLocaleString('en')} quotes`);
    }

    api = await startApi({ NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, ADMIN_DIST: '' });
    const manager = await logIn(api, 'manager@example.com');
    const rep = await logIn(api, 'rep@example.com');

    // A customer's name, as someone looking for that customer's quotes would type it: a company
    // with a median number of quotes.
    const term = (
      await pg.query<{ name: string }>(
        `select split_part(company_name, ' ', 1) as name from quotes_quote where company_name is not null group by 1 order by count(*), 1 offset (select count(distinct split_part(company_name, ' ', 1)) / 2 from quotes_quote) limit 1`,
      )
    ).rows[0].name;
    const matchesOf = async (text: string) =>
      (await pg.query<{ n: number }>(`select count(*)::int as n from quotes_quote where title || ' ' || number || ' ' || coalesce(company_name, '') ilike $1`, [`%${text}%`])).rows[0].n;
    const matches = await matchesOf(term);
    // And a word in many titles (one product of twenty): the most a text filter has to count.
    const broad = 'migration';
    const broadMatches = await matchesOf(broad);
    const approveAmount = APPROVE_RATE * SECONDS;
    const pending = (
      await pg.query<{ quote_id: string }>(
        `select a.quote_id from approvals_request a join identity_user u on u.email = 'manager@example.com'
         where a.status = 'pending' and a.approver_ids @> jsonb_build_array(u.id) order by a.quote_id limit $1`,
        [approveAmount * (RUNS + 1)],
      )
    ).rows.map((r) => r.quote_id);
    // Shuffled, so consecutive approvals touch unrelated quotes and owners.
    for (let i = pending.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [pending[i], pending[j]] = [pending[j], pending[i]];
    }
    const perRun = Math.floor(pending.length / (RUNS + 1));
    if (perRun < approveAmount) console.log(`only ${pending.length} quotes in Pending approval: ${perRun} approvals per run instead of ${approveAmount}`);
    let nextPending = 0;
    const approve = (cookie: string, amount: number): Load & { rate: number } => ({
      method: 'POST',
      body: JSON.stringify({ round: 1 }),
      cookie,
      path: () => `/api/v1/approvals/quotes/${pending[nextPending++ % pending.length]}/approve`,
      rate: APPROVE_RATE,
      connections: 0,
      seconds: SECONDS,
      amount,
    });

    const list: Record<string, Omit<Load, 'connections' | 'seconds'>> = !SCENARIOS.includes('list') ? {} : {
      'list: manager, status Pending approval': { cookie: manager, path: () => '/api/v1/quotes?limit=50&status=pending_approval' },
      [`list: manager, text "${term}" (${matches.toLocaleString('en')} matches)`]: { cookie: manager, path: () => `/api/v1/quotes?limit=50&q=${encodeURIComponent(term)}` },
      [`list: manager, text "${broad}" (${broadMatches.toLocaleString('en')} matches)`]: { cookie: manager, path: () => `/api/v1/quotes?limit=50&q=${broad}` },
      'list: rep (own quotes), status Published': { cookie: rep, path: () => '/api/v1/quotes?limit=50&status=published' },
    };

    // Warm-up: JIT, connection pool, caches.
    for (const load of Object.values(list)) await measure(api, { ...load, connections: 4, seconds: 2 });
    if (SCENARIOS.includes('approve')) await paced(api, approve(manager, perRun));

    // Between measurements: wait until the database has no statement left running for this one.
    // autocannon stops with requests in flight; a slow one (the broad text search) keeps running
    // in PostgreSQL and would land on the next measurement.
    const quiesce = () =>
      waitUntil(
        async () =>
          (await pg.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`)).rows[0].n === 0,
        { timeoutMs: 60_000, intervalMs: 50 },
      );
    const results: Record<string, { latency: Measured[]; throughput: Measured[] }> = {};
    const approvals: Measured[] = [];
    // Other work on the machine (shared) at the start of each run: the 1-minute load average.
    const loadAverageAtRuns: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      loadAverageAtRuns.push(Number(loadavg()[0].toFixed(2)));
      for (const [name, load] of Object.entries(list)) {
        const entry = (results[name] ??= { latency: [], throughput: [] });
        await quiesce();
        entry.latency.push(await paced(api, { ...load, rate: LIST_RATE, connections: 0, seconds: SECONDS }));
        await quiesce();
        entry.throughput.push(await measure(api, { ...load, connections: THROUGHPUT_CONNECTIONS, seconds: Math.max(3, SECONDS / 2) }));
        const l = entry.latency[run - 1];
        console.log(`  run ${run} ${name}: p50 ${ms(l.p50)} / p95 ${ms(l.p95)} / p99 ${ms(l.p99)} ms at ${l.perSecond.toFixed(0)}/s${l.saturated ? ' (could not keep up: stopped)' : ''}; max ${entry.throughput[run - 1].perSecond.toFixed(0)} requests/s`);
      }
      if (!SCENARIOS.includes('approve')) continue;
      await quiesce();
      const a = await paced(api, approve(manager, perRun));
      approvals.push(a);
      console.log(`  run ${run} approve: p50 ${ms(a.p50)} / p95 ${ms(a.p95)} / p99 ${ms(a.p99)} ms at ${a.perSecond.toFixed(0)}/s, answers ${JSON.stringify(a.statusCounts)}`);
    }
    for (const m of [...Object.values(results).flatMap((r) => [...r.latency, ...r.throughput]), ...approvals]) {
      if (!allOk(m)) console.log(`  not all 2xx (${JSON.stringify(m.statusCounts)}, ${m.errors} errors): ${m.failures.join(' | ')}`);
    }

    const summary = (runs: Measured[]) => ({
      ok: runs.every(allOk),
      saturatedRuns: runs.filter((m) => m.saturated).length,
      perSecond: stats(runs.map((m) => m.perSecond)),
      p50: stats(runs.map((m) => m.p50)),
      p95: stats(runs.map((m) => m.p95)),
      p99: stats(runs.map((m) => m.p99)),
      statusCounts: runs.reduce<Record<string, number>>((all, m) => {
        for (const [s, n] of Object.entries(m.statusCounts)) all[s] = (all[s] ?? 0) + n;
        return all;
      }, {}),
    });
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
      quotes: existing + (seedSeconds === null ? 0 : QUOTES - existing),
      seedSeconds,
      runs: RUNS,
      secondsPerRun: SECONDS,
      listRate: LIST_RATE,
      approveRate: APPROVE_RATE,
      textTerms: { [term]: matches, [broad]: broadMatches },
      loadAverageAtRuns,
      list: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { latency: summary(r.latency), maxPerSecond: stats(r.throughput.map((m) => m.perSecond)), throughputOk: r.throughput.every(allOk) }])),
      approve: approvals.length ? summary(approvals) : null,
      targets: TARGETS,
    };

    const f = (s: Stats) => `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)}`;
    const flag = (ok: boolean) => (ok ? '' : ' (not all 2xx: not counted)');
    const saturated = (runs: number) => (runs ? ` (could not keep up in ${runs} of ${RUNS} runs: stopped early)` : '');
    const rows = [
      `| measure (min / median / max over ${RUNS} runs) | p50 (ms) | p95 (ms) | p99 (ms) | requests/s | target |`,
      `| --- | --- | --- | --- | --- | --- |`,
      ...Object.entries(result.list).map(
        ([name, r]) =>
          `| ${name}, 50 rows, at ${LIST_RATE}/s${flag(r.latency.ok)}${saturated(r.latency.saturatedRuns)} | ${f(r.latency.p50)} | ${f(r.latency.p95)} | ${f(r.latency.p99)} | max ${f(r.maxPerSecond)} (${THROUGHPUT_CONNECTIONS} connections) | p95 < ${TARGETS.listP95Ms} ms |`,
      ),
      ...(result.approve
        ? [
            `| approve, one quote per request, at ${APPROVE_RATE}/s${flag(result.approve.ok)}${saturated(result.approve.saturatedRuns)} | ${f(result.approve.p50)} | ${f(result.approve.p95)} | ${f(result.approve.p99)} | ${f(result.approve.perSecond)} | p99 < ${TARGETS.approveP99Ms} ms at ${APPROVE_RATE}/s |`,
          ]
        : []),
    ];
    const md = rows.join('\n');
    const seeded = seedSeconds === null ? 'an existing database' : `seeded in ${seedSeconds.toFixed(0)} s`;
    const load = `load average at the start of each run (other work on this shared machine): ${loadAverageAtRuns.join(', ')}`;
    console.log(`\n${md}\n`);
    if (!ALL_SCENARIOS) return; // a profiling run: no results written
    writeResults(
      'api',
      result,
      `Measured ${result.date} on ${result.machine.cores} cores (${result.machine.cpu}), ${result.quotes.toLocaleString('en')} quotes (${seeded}), API, PostgreSQL and the load generator on the same machine; ${load}.\n\n${md}`,
    );
  } finally {
    await api?.stop();
    await pg.end().catch(() => undefined);
    await database.drop();
    await removeQueueKeys(queuePrefix);
  }
}

runBenchmark(main);
