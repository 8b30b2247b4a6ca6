/**
 * API benchmark:  npm run bench:api
 *
 * The API as production runs it (its own process, PostgreSQL, Redis, request logs at info to a
 * file), on a fresh database with the demo users and BENCH_QUOTES quotes (default 1,000,000, by
 * the bulk seed of tools/db/seed-quotes.ts). Load comes from this process:
 * - the quotes list, 50 rows, as the manager and as a rep (their own quotes): filtered by status,
 *   and searched for a common word (in one title of twenty), a rare word (a customer's name), a
 *   prefix (its first half) and a quote's number; latency at an even rate
 *   (BENCH_LIST_RATE, default 50 requests/s, open loop: see paced()) and the most requests/s 8
 *   autocannon connections get;
 * - "Approve and publish" at an even 100 requests/s, each request on another quote in Pending
 *   approval (seeded with its approval round);
 * - the set-up flow's live route preview of a draft (POST /quotes/approval-preview) as the rep,
 *   at an even BENCH_LIST_RATE: routing under the approval policy, which is one of 20 rules
 *   (twentyRulePolicy) for the whole run.
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
import { Argon2PasswordHasher } from '@qa/identity-infrastructure';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { seedQuotes } from '../db/seed-quotes';
import { runBenchmark, writeResults } from './results';
import { stats, type Stats } from './stats';
import { logIn, startApi, type ApiProcess } from './api-process';
import { measure, paced, type Load, type Measured } from './api-load';
import { twentyRulePolicy } from './policies';

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

    // Production refuses demo accounts that still have the password "demo": the bench's users get one of their own.
    const password = randomBytes(12).toString('base64url');
    await pg.query('update identity_user set password_hash = $1', [await new Argon2PasswordHasher().hash(password)]);

    api = await startApi({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      ADMIN_DIST: '',
      // Production refuses to start without its own secret for the approval e-mails' links.
      APPROVAL_LINK_SECRET: randomBytes(32).toString('base64url'),
    });
    const manager = await logIn(api, 'manager@example.com', password);
    const rep = await logIn(api, 'rep@example.com', password);
    const admin = await logIn(api, 'admin@example.com', password);
    const userIds = Object.fromEntries((await pg.query<{ email: string; id: string }>('select email, id from identity_user')).rows.map((r) => [r.email.split('@')[0], r.id]));
    const policy = await fetch(`${api.url}/api/v1/approvals/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify(twentyRulePolicy(userIds)),
    });
    if (policy.status !== 200) throw new Error(`approval policy: ${policy.status} ${await policy.text()}`);

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
    // The start of the customer's name, as typed before the rest (matches that name and any other
    // starting so), and a quote's number: one of the rep's own, which the manager sees too.
    const prefix = term.slice(0, Math.max(3, Math.ceil(term.length / 2)));
    const prefixMatches = await matchesOf(prefix);
    const [{ number }] = (
      await pg.query<{ number: string }>(`select q.number from quotes_quote q join identity_user u on u.id = q.owner_id where u.email = 'rep@example.com' order by q.number offset 100 limit 1`)
    ).rows;
    const repMatchesOf = async (text: string) =>
      (
        await pg.query<{ n: number }>(
          `select count(*)::int as n from quotes_quote q join identity_user u on u.id = q.owner_id where u.email = 'rep@example.com' and title || ' ' || number || ' ' || coalesce(company_name, '') ilike $1`,
          [`%${text}%`],
        )
      ).rows[0].n;
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

    const searches: Array<[string, string, number]> = [
      ['a common word', broad, broadMatches],
      ['a rare word', term, matches],
      ['a prefix', prefix, prefixMatches],
      ['a quote number', number, await matchesOf(number)],
    ];
    const searched = (who: string, cookie: string, matchesFor: (text: string) => Promise<number>) =>
      Promise.all(
        searches.map(async ([kind, text, all]) => {
          const n = who === 'manager' ? all : await matchesFor(text);
          return [`list: ${who}, ${kind} "${text}" (${n.toLocaleString('en')} matches)`, { cookie, path: () => `/api/v1/quotes?limit=50&q=${encodeURIComponent(text)}` }] as const;
        }),
      );
    const list: Record<string, Omit<Load, 'connections' | 'seconds'>> = !SCENARIOS.includes('list') ? {} : {
      'list: manager, status Pending approval': { cookie: manager, path: () => '/api/v1/quotes?limit=50&status=pending_approval' },
      ...Object.fromEntries(await searched('manager', manager, matchesOf)),
      'list: rep (own quotes), status Published': { cookie: rep, path: () => '/api/v1/quotes?limit=50&status=published' },
      ...Object.fromEntries(await searched('rep (own quotes)', rep, repMatchesOf)),
    };

    const draft = JSON.stringify({
      title: 'Data platform',
      currency: 'EUR',
      expiresOn: '2099-12-31',
      paymentTermsDays: 45,
      lineItems: [{ productName: 'Migration', quantity: 3, unitPrice: '4000.00', discount: { type: 'percent', value: '22' }, billingPeriod: 'monthly' }],
    });
    if (SCENARIOS.includes('list')) list['route preview: rep, a draft under 20 rules'] = { cookie: rep, method: 'POST', body: draft, path: () => '/api/v1/quotes/approval-preview' };

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
      textTerms: Object.fromEntries(searches.map(([, text, n]) => [text, n])),
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
          `| ${name}${name.startsWith('list') ? ', 50 rows' : ''}, at ${LIST_RATE}/s${flag(r.latency.ok)}${saturated(r.latency.saturatedRuns)} | ${f(r.latency.p50)} | ${f(r.latency.p95)} | ${f(r.latency.p99)} | max ${f(r.maxPerSecond)} (${THROUGHPUT_CONNECTIONS} connections) | ${name.startsWith('list') ? `p95 < ${TARGETS.listP95Ms} ms` : '—'} |`,
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
