/**
 * A worker process for the fault tests (relay and/or subscribers of the test ledger), configured by
 * the environment: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, RELAY (true|false), PROCESSORS
 * (true|false), ACK_TIMEOUT_MS, CONCURRENCY, STALLED_AFTER_MS. Prints "ready" when it runs.
 * PROFILE_DIR (benchmarks only): SIGWINCH starts, then writes, a CPU profile and SQL counts.
 */
import 'reflect-metadata';
import { startMessagingTestApp } from './messaging-test-app';
import { profileOnSignal } from './profiling';

async function main() {
  const env = process.env;
  profileOnSignal();
  await startMessagingTestApp({
    databaseUrl: env['DATABASE_URL']!,
    redisUrl: env['REDIS_URL']!,
    queuePrefix: env['QUEUE_PREFIX']!,
    relay: env['RELAY'] !== 'false',
    processors: env['PROCESSORS'] !== 'false',
    ackTimeoutMs: Number(env['ACK_TIMEOUT_MS'] ?? 2_000),
    concurrency: Number(env['CONCURRENCY'] ?? 16),
    relayPollMs: 100,
    backoffMs: 100,
    stalledAfterMs: Number(env['STALLED_AFTER_MS'] ?? 3_000),
  });
  console.log('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
