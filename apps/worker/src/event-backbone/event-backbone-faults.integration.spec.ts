import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, removeQueueKeys, startAppProcess, startOwnRedisServer, TEST_REDIS_URL, waitUntil, type AppProcess, type OwnRedisServer, type TestDatabase } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditAccounts, deliveryCounts, prepareMessagingTestDatabase, startMessagingTestApp, type DeliveryCounts } from '../testing/messaging-test-app';

/**
 * Faults on real PostgreSQL and Redis. What is killed is this test's own: a worker process it
 * started, or a redis-server it started on another port; never the shared services. A test may
 * take minutes on a busy machine (hence its own timeout); they assert counts, never speed.
 */
describe('event backbone under faults: nothing lost, nothing doubled', () => {
  let database: TestDatabase;
  let commandSide: INestApplicationContext;
  let orm: MikroORM;
  let queuePrefix: string;
  const workers: AppProcess[] = [];
  const redisServers: OwnRedisServer[] = [];

  beforeEach(async () => {
    database = await createTestDatabase('qa_faults');
    await prepareMessagingTestDatabase(database.url);
    queuePrefix = `qa-fault-${randomBytes(4).toString('hex')}`;
    // The command side (what the API does): writes aggregates and outbox rows, runs no relay.
    commandSide = await startMessagingTestApp({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, queuePrefix, relay: false, processors: false });
    orm = commandSide.get(MikroORM);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill9()));
    await Promise.all(redisServers.splice(0).map((r) => r.dispose()));
    await commandSide?.close();
    await removeQueueKeys(queuePrefix);
    await database.drop();
  });

  const worker = async (redisUrl: string, env: Record<string, string> = {}) => {
    const started = await startAppProcess(
      'apps/worker/src/testing/test-worker.main.ts',
      { DATABASE_URL: database.url, REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, ACK_TIMEOUT_MS: '2000', STALLED_AFTER_MS: '3000', ...env },
      'ready',
    );
    workers.push(started);
    return started;
  };
  const ownRedis = async () => {
    const server = await startOwnRedisServer();
    redisServers.push(server);
    return server;
  };
  const allDelivered = (expected: number, timeoutMs = 120_000) =>
    waitUntil(
      async () => {
        const c = await deliveryCounts(orm);
        return c.undelivered === 0 && c.events === expected && c.effects['ledger-alpha']?.rows >= expected && c.effects['ledger-beta']?.rows >= expected ? c : null;
      },
      { timeoutMs, intervalMs: 250, describe: async () => JSON.stringify(await deliveryCounts(orm)) + '\n' + workers.map((w) => w.output().slice(-2000)).join('\n') },
    );
  const exactlyOnce = (counts: DeliveryCounts, expected: number) => {
    expect(counts.events).toBe(expected);
    expect(counts.undelivered).toBe(0);
    expect(counts.effects).toEqual({
      'ledger-alpha': { rows: expected, distinctEvents: expected },
      'ledger-beta': { rows: expected, distinctEvents: expected },
    });
    expect(counts.outOfOrder).toBe(0);
  };
  const effectRows = async () => (await orm.em.fork().getConnection().execute('select count(*)::int as n from test_effect'))[0].n as number;

  it('survives kill -9 of a worker in the middle of 5,000 events, after a restart', async () => {
    const first = await worker(TEST_REDIS_URL);
    const commands = creditAccounts(orm, { accounts: 100, creditsPerAccount: 50, concurrency: 16 });
    await waitUntil(async () => (await effectRows()) > 1_500, { timeoutMs: 60_000, describe: async () => `${await effectRows()} effects; the worker said: ${first.output().slice(-2_000)}` });
    await first.kill9();
    const handledBeforeRestart = await effectRows();
    await commands;
    await worker(TEST_REDIS_URL);
    const counts = await allDelivered(5_000);
    // The kill really was mid-run: both subscribers together had not handled everything.
    expect(handledBeforeRestart).toBeLessThan(10_000);
    exactlyOnce(counts, 5_000);
  }, 180_000);

  it('loses nothing while Redis is unreachable for a few seconds mid-run, then back with its data', async () => {
    const redis = await ownRedis();
    await worker(redis.url);
    const commands = creditAccounts(orm, { accounts: 50, creditsPerAccount: 20, concurrency: 8 });
    await waitUntil(async () => (await effectRows()) > 300, { timeoutMs: 60_000 });
    await redis.stopSavingData();
    await new Promise((r) => setTimeout(r, 3_000));
    await redis.start();
    await commands;
    exactlyOnce(await allDelivered(1_000), 1_000);
  }, 180_000);

  it('loses nothing when Redis is killed with queued jobs and comes back empty', async () => {
    const redis = await ownRedis();
    // Relay only: the jobs pile up in Redis, unhandled.
    await worker(redis.url, { PROCESSORS: 'false' });
    await creditAccounts(orm, { accounts: 20, creditsPerAccount: 25, concurrency: 8 });
    const probe = new Redis(redis.url);
    await waitUntil(async () => (await probe.llen(`${queuePrefix}:events.ledger-alpha:wait`)) === 500, { timeoutMs: 30_000 });
    probe.disconnect();
    await redis.kill9();
    await redis.start(); // empty: it kept nothing on disk
    await worker(redis.url, { RELAY: 'false' });
    const counts = await allDelivered(500);
    // The relay that queued the lost jobs published them again, under the same job ids.
    exactlyOnce(counts, 500);
  }, 180_000);
});
