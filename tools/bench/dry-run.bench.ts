/**
 * Dry run benchmark:  npm run bench:dry-run
 *
 * The approval policy's dry run as production runs it: the API and the worker in their own
 * processes, PostgreSQL, Redis, on a database with BENCH_QUOTES quotes (default 1,000,000, by the
 * bulk seed; BENCH_DATABASE_URL reuses a seeded database, e.g. qa_bench_1m, migrated first). An
 * admin dry-runs a draft policy (the 20-rule policy with its discount ladder 5 points lower) over
 * the last BENCH_DRY_RUN_QUOTES submitted quotes (default 10,000); the time from the POST to the
 * run read as finished (polled every 100 ms), BENCH_RUNS times (default 3). Beside it, the raw
 * limit: reading the same quotes' rows with plain SQL (the page query, all its columns) and their
 * rounds. Prints the figures and the plan of the page query; writes tools/bench/results/dry-run.{json,md}.
 * Figures only: nothing here asserts a speed (the target is under 10 s).
 */
import { createTestDatabase, removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil, type AppProcess } from '@qa/shared-testing';
import { migrateDatabase } from '@qa/platform-database';
import { Argon2PasswordHasher } from '@qa/identity-infrastructure';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { seedQuotes } from '../db/seed-quotes';
import { logIn, startApi, type ApiProcess } from './api-process';
import { twentyRulePolicy } from './policies';
import { runBenchmark, writeResults } from './results';
import { stats } from './stats';

const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const DRY_RUN_QUOTES = Number(process.env.BENCH_DRY_RUN_QUOTES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 10_000;
const ROOT = resolve(__dirname, '../..');

async function main() {
  const reuse = process.env.BENCH_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => undefined } : await createTestDatabase('qa_bench_dry_run');
  const queuePrefix = `bench-dry-run-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: database.url });
  let api: ApiProcess | undefined;
  let worker: AppProcess | undefined;
  try {
    console.log(`Dry run benchmark: ${DRY_RUN_QUOTES.toLocaleString('en')} of ${QUOTES.toLocaleString('en')} quotes, ${RUNS} runs, ${cpus().length} cores, ${new Date().toISOString()}`);
    await migrateDatabase({ kind: 'postgresql', url: database.url });
    await pg.connect();
    const existing = (await pg.query<{ n: number }>('select count(*)::int as n from quotes_quote')).rows[0].n;
    if (existing < QUOTES) {
      execFileSync(process.execPath, ['tools/launcher/run-ts.cjs', 'tools/db/seed.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL }, stdio: 'inherit' });
      console.log(`seeded in ${(await seedQuotes(database.url, { count: QUOTES - existing })).seconds} s`);
    } else console.log(`reusing ${existing.toLocaleString('en')} quotes`);
    await pg.query('analyze quotes_quote');

    const password = randomBytes(12).toString('base64url');
    await pg.query('update identity_user set password_hash = $1', [await new Argon2PasswordHasher().hash(password)]);
    const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, ADMIN_DIST: '', APPROVAL_LINK_SECRET: randomBytes(32).toString('base64url') };
    api = await startApi({ ...env, LOG_LEVEL: 'info' });
    worker = await startAppProcess('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' }, 'worker ready', 120_000);
    const admin = await logIn(api, 'admin@example.com', password);
    const userIds = Object.fromEntries((await pg.query<{ email: string; id: string }>('select email, id from identity_user')).rows.map((r) => [r.email.split('@')[0], r.id]));
    const current = twentyRulePolicy(userIds);
    // The draft: the discount ladder 5 points lower.
    type Condition = { field?: string; value?: unknown };
    const lower = (c: Condition): Condition => (c.field === 'effectiveDiscountPercent' ? { ...c, value: Number(c.value) - 5 } : c);
    const draft = { ...current, rules: current.rules.map((rule) => ({ ...rule, when: rule.when.map((group) => ({ conditions: (group.conditions as Condition[]).map(lower) })) })) };

    // The raw limit: the same rows with plain SQL, and their rounds.
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const rows = (await pg.query<{ id: string }>(`select * from quotes_quote where submitted_at is not null order by submitted_at desc, id desc limit $1`, [DRY_RUN_QUOTES])).rows;
      await pg.query(`select quote_id, round, route from approvals_request where quote_id = any($1)`, [rows.map((r) => r.id)]);
      raw.push(performance.now() - started);
    }
    const plan = (await pg.query<{ 'QUERY PLAN': string }>(`explain select * from quotes_quote where submitted_at is not null order by submitted_at desc, id desc limit 500`)).rows.map((r) => r['QUERY PLAN']);
    console.log(`page query plan:\n  ${plan.join('\n  ')}`);

    const times: number[] = [];
    let last: Record<string, unknown> = {};
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const post = await fetch(`${api.url}/api/v1/approvals/dry-runs`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin }, body: JSON.stringify({ ...draft, limit: DRY_RUN_QUOTES }) });
      if (post.status !== 202) throw new Error(`dry run: ${post.status} ${await post.text()}`);
      const { id } = (await post.json()) as { id: string };
      let progress = 0;
      const run = await waitUntil(
        async () => {
          const read = (await (await fetch(`${api!.url}/api/v1/approvals/dry-runs/${id}`, { headers: { cookie: admin } })).json()) as { state: string; processed: number; result: Record<string, unknown> | null };
          if (read.state === 'failed' || read.state === 'cancelled') throw new Error(`dry run ${read.state}`);
          if (read.processed > progress) progress = read.processed;
          return read.state === 'finished' ? read : null;
        },
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      times.push(performance.now() - started);
      last = run.result ?? {};
      console.log(`run ${i + 1}: ${(times[i] / 1000).toFixed(2)} s`);
    }
    const t = stats(times);
    const r = stats(raw);
    const summary = { examined: last['examined'], draftNeedsApproval: last['draftNeedsApproval'], realNeededApproval: last['realNeededApproval'], differenceCount: last['differenceCount'], wait: last['wait'] };
    const markdown = [
      `# Dry run benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores)`,
      '',
      `| measure | min | median | max | target |`,
      `| --- | --- | --- | --- | --- |`,
      `| dry run of ${DRY_RUN_QUOTES.toLocaleString('en')} quotes, ${QUOTES.toLocaleString('en')} in the database (POST → finished) | ${(t.min / 1000).toFixed(2)} s | ${(t.median / 1000).toFixed(2)} s | ${(t.max / 1000).toFixed(2)} s | < ${TARGET_MS / 1000} s |`,
      `| raw limit: the same quotes' rows and rounds, plain SQL | ${(r.min / 1000).toFixed(2)} s | ${(r.median / 1000).toFixed(2)} s | ${(r.max / 1000).toFixed(2)} s | |`,
      '',
      `Last run's report: ${JSON.stringify(summary)}`,
      '',
      'Page query plan:',
      '',
      ...plan.map((line) => `    ${line}`),
    ].join('\n');
    console.log(markdown);
    writeResults('dry-run', { quotes: QUOTES, dryRunQuotes: DRY_RUN_QUOTES, runs: RUNS, dryRunMs: times, rawMs: raw, summary, plan }, markdown);
  } finally {
    await worker?.stop().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await pg.end().catch(() => undefined);
    await removeQueueKeys(queuePrefix).catch(() => undefined);
    if (!reuse) await database.drop();
  }
}

runBenchmark(main);
