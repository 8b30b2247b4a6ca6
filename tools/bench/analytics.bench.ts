/**
 * Approval analytics benchmark:  npm run bench:analytics
 *
 * GET /api/v1/analytics/approvals as a manager, on PostgreSQL with BENCH_QUOTES quotes (default
 * 1,000,000, by the bulk seed; BENCH_DATABASE_URL reuses a seeded database, e.g.
 * postgres://postgres@127.0.0.1:5432/qa_bench_1m, migrated first). The analytics facts are
 * backfilled from the approval rounds when empty (`npm run analytics:rebuild`'s code; its time is
 * printed). The bulk seed's rounds are thin (one step, decisions at the moment of opening), so
 * BENCH_SYNTHETIC_ROUNDS more rounds of history (default 600,000: 60 % of a million quotes went
 * through approval) are added to the facts over the last two years, with 1–2 decisions each, a
 * rule per step, 2 lines, 5 % escalated, and removed at the end. Then, for a few filter
 * combinations, BENCH_REQUESTS sequential requests each (default 40, after BENCH_WARMUP, default 3, to warm up): p50 and
 * p95. Beside them, the raw limit: the same SQL statements (approval-analytics.statements.ts) with
 * plain pg, one after the other. Writes tools/bench/results/analytics.{json,md}. Figures only:
 * nothing asserts a speed (the target is p95 under 300 ms).
 */
import { approvalAnalyticsStatements } from '@qa/analytics-infrastructure';
import { parseAnalyticsFilter } from '@qa/analytics-domain';
import { Argon2PasswordHasher } from '@qa/identity-infrastructure';
import { migrateDatabase } from '@qa/platform-database';
import { loadConfig } from '@qa/shared-config';
import { createTestDatabase, removeQueueKeys, TEST_REDIS_URL } from '@qa/shared-testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { rebuildApprovalFacts } from '../analytics/rebuild';
import { seedQuotes } from '../db/seed-quotes';
import { logIn, startApi, type ApiProcess } from './api-process';
import { runBenchmark, writeResults } from './results';
import { percentile } from './stats';

const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const SYNTHETIC = Number(process.env.BENCH_SYNTHETIC_ROUNDS ?? 600_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const TARGET_MS = 300;
const ROOT = resolve(__dirname, '../..');
const FACT_TABLES = ['analytics_quote_round', 'analytics_decision', 'analytics_route_rule', 'analytics_escalation', 'analytics_line'];

/** Synthetic history: rounds over the last 730 days, ids 'bench-…', every figure from the round number. */
async function addSyntheticHistory(pg: Client, rounds: number): Promise<void> {
  const base = `from generate_series(1, ${rounds}) i, lateral (select now() - (i % 730) * interval '1 day' - (i % 24) * interval '1 hour' as opened,
                  'bench-' || i as quote, (array['Sales', 'Enterprise', 'Partners', 'Public'])[1 + i % 4] as team,
                  'bench-rep-' || (i % 40) as rep, 'bench-rule-' || (i % 20) as rule, ((i::bigint * 7919) % 200000)::int as seconds) s`;
  const iso = (expression: string) => `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const day = (expression: string) => `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD')`;
  const week = (expression: string) => `to_char(date_trunc('week', (${expression}) at time zone 'UTC'), 'YYYY-MM-DD')`;
  const month = (expression: string) => `to_char((${expression}) at time zone 'UTC', 'YYYY-MM')`;
  const closed = `s.opened + s.seconds * interval '1 second'`;
  await pg.query(`insert into analytics_quote_round (id, quote_id, round, request_id, rep_id, rep_team, submitted_at, closed_at, closed_day, outcome, currency, gross_minor, net_minor, requested_gross_minor, requested_net_minor)
    select s.quote || ':1', s.quote, 1, s.quote, s.rep, s.team, ${iso('s.opened')},
      case when i % 730 < 10 then null else ${iso(closed)} end, case when i % 730 < 10 then null else ${day(closed)} end,
      case when i % 730 < 10 then 'open' when i % 5 = 0 then 'changes_requested' else 'approved' end,
      'EUR', 1000000, 1000000 - (i % 30) * 5000, 1000000, 1000000 - (i % 30) * 6000 ${base}`);
  await pg.query(`insert into analytics_decision (id, quote_id, round, step, grp, approver_id, rep_team, started_at, decided_at, decided_day, decided_week, decided_month, outcome, duration_seconds)
    select s.quote || ':1:' || st, s.quote, 1, st, 0, 'bench-approver-' || ((i + st) % 25), s.team, ${iso('s.opened')}, ${iso(closed)}, ${day(closed)}, ${week(closed)}, ${month(closed)},
      case when i % 5 = 0 then 'changes_requested' else 'approved' end, s.seconds / st
    ${base}, generate_series(1, 1 + i % 2) st where i % 730 >= 10`);
  await pg.query(`insert into analytics_route_rule (id, quote_id, round, step, grp, rule_id, rule_name)
    select s.quote || ':1:' || st || ':0:' || s.rule, s.quote, 1, st, 0, s.rule, 'Rule ' || (i % 20) ${base}, generate_series(1, 1 + i % 2) st`);
  await pg.query(`insert into analytics_escalation (id, quote_id, round, step, rep_team, escalated_at, escalated_day, escalated_week, escalated_month)
    select s.quote || ':1:0', s.quote, 1, 1, s.team, ${iso('s.opened')}, ${day('s.opened')}, ${week('s.opened')}, ${month('s.opened')} ${base} where i % 20 = 0`);
  await pg.query(`insert into analytics_line (id, quote_id, round, product, currency, gross_minor, net_minor, requested_gross_minor, requested_net_minor)
    select s.quote || ':1:' || n, s.quote, 1, 'Product ' || ((i + n) % 50), 'EUR', 500000, 500000 - (i % 30) * 2500, 500000, 500000 - (i % 30) * 3000 ${base}, generate_series(1, 2) n`);
}

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const reuse = process.env.BENCH_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => undefined } : await createTestDatabase('qa_bench_analytics');
  const queuePrefix = `bench-analytics-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: database.url });
  let api: ApiProcess | undefined;
  let synthetic = false;
  try {
    console.log(`Analytics benchmark: ${QUOTES.toLocaleString('en')} quotes, ${REQUESTS} requests per filter, ${cpus().length} cores, ${new Date().toISOString()}`);
    await migrateDatabase({ kind: 'postgresql', url: database.url });
    await pg.connect();
    const existing = (await pg.query<{ n: number }>('select count(*)::int as n from quotes_quote')).rows[0].n;
    if (existing < QUOTES) {
      execFileSync(process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/seed.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL }, stdio: 'inherit' });
      console.log(`seeded in ${(await seedQuotes(database.url, { count: QUOTES - existing })).seconds} s`);
    } else console.log(`reusing ${existing.toLocaleString('en')} quotes`);
    let backfill: { quotes: number; rounds: number; seconds: number } | null = null;
    if ((await pg.query('select 1 from analytics_quote_round limit 1')).rowCount === 0) {
      backfill = await rebuildApprovalFacts(loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, ADMIN_DIST: '' }));
      console.log(`backfill (analytics:rebuild): ${backfill.rounds.toLocaleString('en')} rounds of ${backfill.quotes.toLocaleString('en')} quotes in ${backfill.seconds} s`);
    } else console.log('analytics facts already there: no backfill');
    if (SYNTHETIC > 0) {
      synthetic = true;
      // Left by an interrupted run (removed at the end of this one).
      const left = (await pg.query<{ n: number }>(`select count(*)::int as n from analytics_quote_round where quote_id like 'bench-%'`)).rows[0].n;
      if (left === SYNTHETIC) console.log(`synthetic history: ${left.toLocaleString('en')} rounds already there`);
      else {
        for (const table of FACT_TABLES) await pg.query(`delete from ${table} where quote_id like 'bench-%'`);
        const started = performance.now();
        await addSyntheticHistory(pg, SYNTHETIC);
        console.log(`synthetic history: ${SYNTHETIC.toLocaleString('en')} rounds in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    for (const table of FACT_TABLES) await pg.query(`analyze ${table}`);
    const counts: Record<string, number> = {};
    for (const table of FACT_TABLES) counts[table] = (await pg.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
    console.log(`facts: ${JSON.stringify(counts)}`);

    const password = randomBytes(12).toString('base64url');
    await pg.query('update identity_user set password_hash = $1', [await new Argon2PasswordHasher().hash(password)]);
    api = await startApi({ NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, ADMIN_DIST: '', APPROVAL_LINK_SECRET: randomBytes(32).toString('base64url') });
    const manager = await logIn(api, 'manager@example.com', password);

    const today = new Date();
    const yearAgo = new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
    const combinations: Array<[string, Record<string, string>]> = [
      ['last 90 days (default), by week', {}],
      ['last 365 days, by month', { from: yearAgo, bucket: 'month' }],
      ['last 90 days, team Sales', { team: 'Sales' }],
      ['last 365 days, one rule, by month', { from: yearAgo, rule: 'bench-rule-3', bucket: 'month' }],
    ];
    const rows: Array<{ name: string; api: { p50: number; p95: number }; raw: { p50: number; p95: number } }> = [];
    for (const [name, query] of combinations) {
      const url = `${api.url}/api/v1/analytics/approvals?${new URLSearchParams(query)}`;
      const apiTimes = await timed(async () => {
        const response = await fetch(url, { headers: { cookie: manager } });
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
        await response.json();
      });
      const statements = Object.values(approvalAnalyticsStatements(parseAnalyticsFilter(query, new Date()), new Date(), false));
      const rawTimes = await timed(async () => {
        for (const { sql, params } of statements) {
          let n = 0;
          await pg.query(sql.replace(/\?/g, () => `$${++n}`), params);
        }
      });
      const p = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95) });
      rows.push({ name, api: p(apiTimes), raw: p(rawTimes) });
      console.log(`${name}: API p50 ${p(apiTimes).p50.toFixed(0)} ms, p95 ${p(apiTimes).p95.toFixed(0)} ms; raw SQL p50 ${p(rawTimes).p50.toFixed(0)} ms, p95 ${p(rawTimes).p95.toFixed(0)} ms`);
    }
    const markdown = [
      `# Approval analytics benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores)`,
      '',
      `${existing.toLocaleString('en')} quotes; facts: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}${synthetic ? ` (with ${SYNTHETIC.toLocaleString('en')} synthetic rounds)` : ''}.`,
      backfill ? `Backfill of the seeded rounds: ${backfill.rounds.toLocaleString('en')} rounds in ${backfill.seconds} s.` : '',
      '',
      '| filter | API p50 (ms) | API p95 (ms) | raw SQL p50 (ms) | raw SQL p95 (ms) | target |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.name} | ${r.api.p50.toFixed(0)} | ${r.api.p95.toFixed(0)} | ${r.raw.p50.toFixed(0)} | ${r.raw.p95.toFixed(0)} | p95 < ${TARGET_MS} |`),
    ].join('\n');
    console.log(markdown);
    writeResults('analytics', { quotes: existing, requests: REQUESTS, synthetic: synthetic ? SYNTHETIC : 0, counts, backfill, rows }, markdown);
  } finally {
    await api?.stop().catch(() => undefined);
    if (synthetic) for (const table of FACT_TABLES) await pg.query(`delete from ${table} where quote_id like 'bench-%'`).catch(() => undefined);
    await pg.end().catch(() => undefined);
    await removeQueueKeys(queuePrefix).catch(() => undefined);
    if (!reuse) await database.drop();
  }
}

runBenchmark(main);
