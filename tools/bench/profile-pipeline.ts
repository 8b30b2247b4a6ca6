/**
 * Where the product's event pipeline spends its time:
 *   node tools/launcher/run-ts.cjs tools/bench/profile-pipeline.ts
 *
 * The benchmark's product shape, split over two processes as in production: the command side
 * (this process, like the API) credits accounts from 16 concurrent transactions; a worker process
 * (apps/worker/src/testing/test-worker.main.ts) runs the relay and both subscribers. While
 * PROFILE_EVENTS events (default 3,000) flow at full speed, both processes take a CPU profile
 * (inspector, 0.5 ms sampling) and count the SQL statements they send. Writes
 * tools/bench/results/pipeline.profile.{json,md} and keeps the .cpuprofile files in PROFILE_DIR
 * (default /tmp/qa-pipeline-profile) for a closer look (Chrome DevTools, speedscope).
 */
import { MikroORM } from '@mikro-orm/core';
import { createTestDatabase, removeQueueKeys, startAppProcess, TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { creditAccounts, prepareMessagingTestDatabase, startMessagingTestApp } from '../../apps/worker/src/testing/messaging-test-app';
import { countSqlStatements, CpuProfiler, resetSqlCounts, sqlCountsSnapshot } from '../../apps/worker/src/testing/profiling';
import { summarise, summaryMarkdown, type CpuProfile } from './profile-summary';
import { runBenchmark, writeResults } from './results';

const EVENTS = Number(process.env.PROFILE_EVENTS ?? 3_000);
const DIR = process.env.PROFILE_DIR ?? '/tmp/qa-pipeline-profile';
const CONCURRENCY = 16;

async function main() {
  mkdirSync(DIR, { recursive: true });
  const database = await createTestDatabase('qa_profile');
  const queuePrefix = `qa-profile-${randomBytes(3).toString('hex')}`;
  await prepareMessagingTestDatabase(database.url);
  countSqlStatements();
  const commandSide = await startMessagingTestApp({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, queuePrefix, relay: false, processors: false });
  const orm = commandSide.get(MikroORM);
  const worker = await startAppProcess(
    'apps/worker/src/testing/test-worker.main.ts',
    {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      CONCURRENCY: String(CONCURRENCY),
      ACK_TIMEOUT_MS: '30000',
      STALLED_AFTER_MS: '30000',
      PROFILE_DIR: DIR,
      PROFILE_NAME: 'worker',
    },
    'ready',
  );
  const count = async (sql: string) => (await orm.em.fork().getConnection().execute(sql))[0].n as number;
  const allDone = (events: number) =>
    waitUntil(
      async () =>
        (await count('select count(*)::int as n from test_effect')) >= events * 2 &&
        (await count('select count(*)::int as n from messaging_outbox where delivered_at is null')) === 0,
      { timeoutMs: 600_000, intervalMs: 50 },
    );
  const signalWorker = async (expect: string) => {
    const seen = worker.output().split(expect).length;
    process.kill(worker.pid, 'SIGWINCH');
    await waitUntil(async () => worker.output().split(expect).length > seen, { timeoutMs: 60_000, intervalMs: 20 });
  };
  try {
    // Warm-up: JIT, pools and queues, then measure.
    const warmUp = 200;
    await creditAccounts(orm, { accounts: 10, creditsPerAccount: warmUp / 10, concurrency: CONCURRENCY });
    await allDone(warmUp);

    await signalWorker('profile started');
    const profiler = new CpuProfiler();
    resetSqlCounts(true);
    const cpu = process.cpuUsage();
    await profiler.start();
    const started = Date.now();
    const accounts = Math.max(1, Math.floor(EVENTS / 20));
    await creditAccounts(orm, { accounts, creditsPerAccount: Math.ceil(EVENTS / accounts), concurrency: CONCURRENCY });
    const commandSeconds = (Date.now() - started) / 1000;
    const commandCpu = process.cpuUsage(cpu);
    await profiler.stop(`${DIR}/command-side.cpuprofile`);
    const commandSql = sqlCountsSnapshot();
    resetSqlCounts(false);
    const events = accounts * Math.ceil(EVENTS / accounts);
    await allDone(warmUp + events);
    const seconds = (Date.now() - started) / 1000;
    await signalWorker('profile written');

    const workerSql = JSON.parse(readFileSync(`${DIR}/worker.sql.json`, 'utf8')) as Record<string, number>;
    const workerCpu = JSON.parse(readFileSync(`${DIR}/worker.cpu.json`, 'utf8')) as { userMs: number; systemMs: number };
    const perEventMs = (ms: number) => Math.round((100 * ms) / events) / 100;
    const cpuMsPerEvent = {
      commandSide: perEventMs((commandCpu.user + commandCpu.system) / 1000),
      worker: perEventMs(workerCpu.userMs + workerCpu.systemMs),
    };
    const perEvent = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).map(([statement, n]) => [statement, Math.round((100 * n) / events) / 100]));
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const commandProfile = summarise(JSON.parse(readFileSync(`${DIR}/command-side.cpuprofile`, 'utf8')) as CpuProfile);
    const workerProfile = summarise(JSON.parse(readFileSync(`${DIR}/worker.cpuprofile`, 'utf8')) as CpuProfile);
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
      events,
      eventsPerSecondWhileProfiled: Math.round(events / seconds),
      commandSideSeconds: commandSeconds,
      /** CPU time (user + system) each process used per event while measured. */
      cpuMsPerEvent,
      sqlRoundTripsPerEvent: {
        commandSide: Math.round((100 * sum(commandSql)) / events) / 100,
        worker: Math.round((100 * sum(workerSql)) / events) / 100,
        commandSideStatements: perEvent(commandSql),
        workerStatements: perEvent(workerSql),
      },
      commandSide: commandProfile,
      worker: workerProfile,
    };
    const statements = (counts: Record<string, number>) => {
      // Statements run less than once per 100 events (the relay's batch statements) in one line.
      const rare = Object.entries(counts).filter(([, n]) => n / events < 0.01);
      const lines = Object.entries(perEvent(counts))
        .filter(([, n]) => n >= 0.01)
        .map(([statement, n]) => `| \`${statement.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${n} |`);
      const rareCount = rare.reduce((a, [, n]) => a + n, 0);
      if (rare.length) lines.push(`| ${rare.length} other statement shapes (batch statements) | ${Math.round((100 * rareCount) / events) / 100} |`);
      return lines.join('\n');
    };
    const md = [
      `Measured ${result.date} on ${result.machine.cores} cores (${result.machine.cpu}); ${events} events at full speed, ${result.eventsPerSecondWhileProfiled} events/s while profiled.`,
      '',
      `CPU time (user + system) per event: command side ${cpuMsPerEvent.commandSide} ms, worker ${cpuMsPerEvent.worker} ms.`,
      '',
      `### SQL round trips per event: command side ${result.sqlRoundTripsPerEvent.commandSide}, worker (relay + 2 subscribers) ${result.sqlRoundTripsPerEvent.worker}`,
      '',
      '| command side statement | per event |',
      '| --- | --- |',
      statements(commandSql),
      '',
      '| worker statement | per event |',
      '| --- | --- |',
      statements(workerSql),
      '',
      summaryMarkdown('Worker process (relay + both subscribers)', workerProfile),
      '',
      summaryMarkdown('Command side', commandProfile),
    ].join('\n');
    console.log(md);
    writeResults('pipeline.profile', result, md);
    console.log(`profiles in ${DIR}`);
  } finally {
    await worker.stop();
    await commandSide.close();
    await removeQueueKeys(queuePrefix);
    await database.drop();
  }
}

runBenchmark(main);
