/**
 * Event pipeline benchmark:  npm run bench
 *
 * Compares the product's event backbone with the raw limit of the same shape on this machine, in
 * the same run: N commands, each a transaction writing one row and one outbox row; a relay moving
 * outbox rows to BullMQ (SKIP LOCKED, addBulk); two subscribers each writing one effect row per
 * event. Prints min/median/max over several runs, and commit-to-effect latency at half load.
 * Scale-out: the product with the relay and subscribers in 1, then 2, worker processes
 * (test-worker.main.ts, each with a relay and both subscribers), commands from this process.
 * Figures only: nothing here asserts a speed.
 */
import { MikroORM } from '@mikro-orm/core';
import { createTestDatabase, removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil, type AppProcess } from '@qa/shared-testing';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Pool } from 'pg';
import { creditAccounts, prepareMessagingTestDatabase, startMessagingTestApp } from '../../apps/worker/src/testing/messaging-test-app';
import { runBenchmark, writeResults } from './results';
import { percentile, stats } from './stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONCURRENCY = 16;
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 8);


// ---------- raw limit: plain pg + bullmq ----------

async function rawRun(databaseUrl: string, events: number, ratePerSecond?: number): Promise<{ seconds: number; latencies: number[] }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  const prefix = `bench-raw-${randomBytes(3).toString('hex')}`;
  const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null } as never;
  await pool.query('drop table if exists raw_item, raw_outbox, raw_effect');
  await pool.query('create table raw_item (id bigserial primary key, n int not null)');
  await pool.query('create table raw_outbox (id bigserial primary key, payload jsonb not null, published boolean not null default false, created_at timestamptz not null default clock_timestamp())');
  await pool.query('create index on raw_outbox (id) where not published');
  await pool.query('create table raw_effect (id bigserial primary key, event_id bigint not null, subscriber text not null, created_at timestamptz not null default clock_timestamp())');
  const queues = ['a', 'b'].map((s) => new Queue(`raw-${s}`, { connection, prefix }));
  const workers = ['a', 'b'].map(
    (s) =>
      new Worker(`raw-${s}`, async (job) => void (await pool.query('insert into raw_effect (event_id, subscriber) values ($1, $2)', [job.data.id, s])), {
        connection,
        prefix,
        concurrency: CONCURRENCY,
      }),
  );
  let relaying = true;
  const relay = (async () => {
    while (relaying) {
      const client = await pool.connect();
      let moved: number;
      try {
        await client.query('begin');
        const { rows } = await client.query('select id from raw_outbox where not published order by id limit 500 for update skip locked');
        moved = rows.length;
        if (moved) {
          await Promise.all(queues.map((q) => q.addBulk(rows.map((r) => ({ name: 'e', data: { id: r.id }, opts: { jobId: `e${r.id}`, removeOnComplete: true } })))));
          await client.query('update raw_outbox set published = true where id = any($1)', [rows.map((r) => r.id)]);
        }
        await client.query('commit');
      } finally {
        client.release();
      }
      if (moved < 500) await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < events) {
        const n = next++;
        if (ratePerSecond) await waitForSlot(started, n, ratePerSecond);
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('insert into raw_item (n) values ($1)', [n]);
          await client.query('insert into raw_outbox (payload) values ($1)', [{ n }]);
          await client.query('commit');
        } finally {
          client.release();
        }
      }
    }),
  );
  await waitUntil(async () => (await pool.query('select count(*)::int as n from raw_effect')).rows[0].n >= events * 2, { timeoutMs: 300_000, intervalMs: 20 });
  const seconds = (Date.now() - started) / 1000;
  const { rows } = await pool.query(
    `select extract(epoch from (max(e.created_at) - o.created_at)) * 1000 as ms from raw_effect e join raw_outbox o on o.id = e.event_id group by o.id, o.created_at`,
  );
  relaying = false;
  await relay;
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(queues.map((q) => q.obliterate({ force: true }).then(() => q.close())));
  await pool.end();
  return { seconds, latencies: rows.map((r) => Number(r.ms)).sort((a, b) => a - b) };
}

async function waitForSlot(started: number, n: number, rate: number) {
  const due = started + (n / rate) * 1000;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

// ---------- the product: MikroORM aggregate + outbox → relay → BullMQ → inbox-guarded subscribers ----------

async function productRun(databaseUrl: string, events: number, ratePerSecond?: number): Promise<{ seconds: number; latencies: number[] }> {
  const queuePrefix = `bench-qa-${randomBytes(3).toString('hex')}`;
  const app = await startMessagingTestApp({ databaseUrl, redisUrl: TEST_REDIS_URL, queuePrefix, relay: true, processors: true, relayPollMs: 100, concurrency: CONCURRENCY });
  const orm = app.get(MikroORM);
  const connection = orm.em.fork().getConnection();
  await connection.execute('truncate test_account, test_effect, messaging_outbox, messaging_inbox');
  await connection.execute('alter table test_effect add column if not exists created_at timestamptz not null default clock_timestamp()');
  const started = Date.now();
  const accounts = Math.max(1, Math.floor(events / 20));
  if (ratePerSecond) {
    // Paced: one credit per slot, spread over the accounts.
    const ids = await creditAccounts(orm, { accounts, creditsPerAccount: 0, concurrency: 1 });
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < events) {
          const n = next++;
          await waitForSlot(started, n, ratePerSecond);
          await creditOne(orm, ids[n % ids.length]);
        }
      }),
    );
  } else {
    await creditAccounts(orm, { accounts, creditsPerAccount: Math.ceil(events / accounts), concurrency: CONCURRENCY });
  }
  const total = (await connection.execute(`select count(*)::int as n from messaging_outbox where name = 'ledger.account.credited.v1'`))[0].n as number;
  await waitUntil(async () => (await connection.execute('select count(*)::int as n from test_effect'))[0].n >= total * 2, { timeoutMs: 300_000, intervalMs: 20 });
  const seconds = (Date.now() - started) / 1000;
  const rows: Array<{ ms: string }> = await connection.execute(
    `select extract(epoch from (max(e.created_at) - o.occurred_at)) * 1000 as ms from test_effect e join messaging_outbox o on o.id = e.event_id group by o.id, o.occurred_at`,
  );
  await app.close();
  await removeQueueKeys(queuePrefix);
  return { seconds: (seconds * events) / total, latencies: rows.map((r) => Number(r.ms)).sort((a, b) => a - b) };
}

async function creditOne(orm: MikroORM, accountId: string) {
  const { TestAccount } = await import('../../apps/worker/src/testing/test-ledger');
  const { LockMode } = await import('@mikro-orm/core');
  await orm.em.fork().transactional(async (em) => {
    const account = await em.findOneOrFail(TestAccount, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    account.credit(1);
  });
}

// ---------- scale-out: relay + subscribers in 1 or 2 worker processes, commands from here ----------

async function scaleOutRun(databaseUrl: string, events: number, workerCount: number): Promise<number> {
  const queuePrefix = `bench-scale-${randomBytes(3).toString('hex')}`;
  const commandSide = await startMessagingTestApp({ databaseUrl, redisUrl: TEST_REDIS_URL, queuePrefix, relay: false, processors: false });
  const orm = commandSide.get(MikroORM);
  const connection = orm.em.fork().getConnection();
  await connection.execute('truncate test_account, test_effect, messaging_outbox, messaging_inbox');
  const workers: AppProcess[] = [];
  try {
    for (let i = 0; i < workerCount; i++) {
      workers.push(
        await startAppProcess(
          'apps/worker/src/testing/test-worker.main.ts',
          { DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, CONCURRENCY: String(CONCURRENCY), ACK_TIMEOUT_MS: '30000', STALLED_AFTER_MS: '30000' },
          'ready',
        ),
      );
    }
    const started = Date.now();
    const accounts = Math.max(1, Math.floor(events / 20));
    await creditAccounts(orm, { accounts, creditsPerAccount: Math.ceil(events / accounts), concurrency: CONCURRENCY });
    const total = accounts * Math.ceil(events / accounts);
    await waitUntil(async () => (await connection.execute('select count(*)::int as n from test_effect'))[0].n >= total * 2, { timeoutMs: 300_000, intervalMs: 20 });
    return total / ((Date.now() - started) / 1000);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await commandSide.close();
    await removeQueueKeys(queuePrefix);
  }
}

// ---------- main ----------

async function main() {
  const database = await createTestDatabase('qa_bench');
  try {
    await prepareMessagingTestDatabase(database.url);
    console.log(`Event pipeline benchmark: ${EVENTS} events × 2 subscribers, ${RUNS} runs, ${cpus().length} cores, ${new Date().toISOString()}`);
    const raw: number[] = [];
    const product: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      raw.push(EVENTS / (await rawRun(database.url, EVENTS)).seconds);
      product.push(EVENTS / (await productRun(database.url, EVENTS)).seconds);
      console.log(`  run ${i + 1}: raw ${raw[i].toFixed(0)} events/s, product ${product[i].toFixed(0)} events/s`);
    }
    const oneWorker: number[] = [];
    const twoWorkers: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      oneWorker.push(await scaleOutRun(database.url, EVENTS, 1));
      twoWorkers.push(await scaleOutRun(database.url, EVENTS, 2));
      console.log(`  scale-out run ${i + 1}: 1 worker process ${oneWorker[i].toFixed(0)} events/s, 2 worker processes ${twoWorkers[i].toFixed(0)} events/s`);
    }
    const oneStats = stats(oneWorker);
    const twoStats = stats(twoWorkers);
    const rawStats = stats(raw);
    const productStats = stats(product);
    const halfLoad = Math.round(productStats.median / 2);
    const latencyEvents = Math.max(200, halfLoad * LATENCY_SECONDS);
    const rawLatency = (await rawRun(database.url, latencyEvents, halfLoad)).latencies;
    const productLatency = (await productRun(database.url, latencyEvents, halfLoad)).latencies;
    const lat = (l: number[]) => ({ p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99) });
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
      events: EVENTS,
      runs: RUNS,
      throughput: { raw: rawStats, product: productStats, ratioMedian: productStats.median / rawStats.median },
      latencyAtHalfLoad: { eventsPerSecond: halfLoad, raw: lat(rawLatency), product: lat(productLatency) },
      scaleOut: { oneWorkerProcess: oneStats, twoWorkerProcesses: twoStats, ratioMedian: twoStats.median / oneStats.median },
      targets: { throughputRatio: 0.5, p99Ms: 100 },
    };
    const f = (n: number) => n.toFixed(0);
    const md = [
      `| measure | raw limit (pg + bullmq) | product | ratio / target |`,
      `| --- | --- | --- | --- |`,
      `| events/s fully handled (min / median / max) | ${f(rawStats.min)} / ${f(rawStats.median)} / ${f(rawStats.max)} | ${f(productStats.min)} / ${f(productStats.median)} / ${f(productStats.max)} | ${(result.throughput.ratioMedian * 100).toFixed(0)} % (target ≥ 50 %) |`,
      `| commit → last effect at ${halfLoad} events/s: p50 / p95 / p99 (ms) | ${f(result.latencyAtHalfLoad.raw.p50)} / ${f(result.latencyAtHalfLoad.raw.p95)} / ${f(result.latencyAtHalfLoad.raw.p99)} | ${f(result.latencyAtHalfLoad.product.p50)} / ${f(result.latencyAtHalfLoad.product.p95)} / ${f(result.latencyAtHalfLoad.product.p99)} | p99 target < 100 ms |`,
      ``,
      `| scale-out (commands from the benchmark process) | 1 worker process | 2 worker processes (2 relays) | ratio |`,
      `| --- | --- | --- | --- |`,
      `| events/s fully handled (min / median / max) | ${f(oneStats.min)} / ${f(oneStats.median)} / ${f(oneStats.max)} | ${f(twoStats.min)} / ${f(twoStats.median)} / ${f(twoStats.max)} | ${result.scaleOut.ratioMedian.toFixed(2)}× (${cpus().length} cores) |`,
    ].join('\n');
    console.log(`\n${md}\n`);
    writeResults('pipeline', result, `Measured ${result.date} on ${result.machine.cores} cores (${result.machine.cpu}).\n\n${md}`);
  } finally {
    await database.drop();
  }
}

runBenchmark(main);
