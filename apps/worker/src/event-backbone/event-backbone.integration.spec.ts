import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, TEST_REDIS_URL, waitUntil, type TestDatabase } from '@qa/shared-testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventQueueName, liveEventsChannel, OutboxRelay } from '@qa/shared-messaging';
import { Redis } from 'ioredis';
import { creditAccounts, deliveryCounts, prepareMessagingTestDatabase, startMessagingTestApp } from '../testing/messaging-test-app';
import { TestAccount } from '../testing/test-ledger';

/** The event backbone in one process, on real PostgreSQL and the shared Redis (own queue prefix). */
describe('event backbone: outbox → relay → BullMQ → inbox-guarded subscribers', () => {
  let database: TestDatabase;
  let queuePrefix: string;
  const apps: INestApplicationContext[] = [];

  beforeEach(async () => {
    database = await createTestDatabase('qa_events');
    await prepareMessagingTestDatabase(database.url);
    queuePrefix = `qa-test-${randomBytes(4).toString('hex')}`;
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    for (const subscriber of ['ledger-alpha', 'ledger-beta']) {
      const queue = new Queue(eventQueueName(subscriber), { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await database.drop();
  });

  const start = async (overrides: Record<string, unknown> = {}) => {
    const started = await startMessagingTestApp({
      databaseUrl: database.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix,
      relay: true,
      processors: true,
      relayPollMs: 50,
      ackTimeoutMs: 2_000,
      backoffMs: 50,
      ...overrides,
    });
    apps.push(started);
    return started;
  };

  it('delivers 1,000 events from concurrent commands to every subscriber exactly once, in each aggregate\'s order', async () => {
    const worker = await start();
    const orm = worker.get(MikroORM);
    await creditAccounts(orm, { accounts: 50, creditsPerAccount: 20, concurrency: 16 });

    const counts = await waitUntil(
      async () => {
        const c = await deliveryCounts(orm);
        return c.undelivered === 0 && c.effects['ledger-beta']?.rows === 1000 && c.effects['ledger-alpha']?.rows === 1000 ? c : null;
      },
      { timeoutMs: 60_000, describe: async () => JSON.stringify(await deliveryCounts(orm)) },
    );
    expect(counts.events).toBe(1000);
    expect(counts.effects).toEqual({ 'ledger-alpha': { rows: 1000, distinctEvents: 1000 }, 'ledger-beta': { rows: 1000, distinctEvents: 1000 } });
    expect(counts.outOfOrder).toBe(0);
    const [{ inbox }] = await orm.em.fork().getConnection().execute('select count(*)::int as inbox from messaging_inbox');
    expect(inbox).toBe(2000);
  });

  it('writes the events in the same transaction as the change: a rolled-back command leaves no event', async () => {
    const worker = await start({ relay: false, processors: false });
    const orm = worker.get(MikroORM);
    const [accountId] = await creditAccounts(orm, { accounts: 1, creditsPerAccount: 1, concurrency: 1 });
    await expect(
      orm.em.fork().transactional(async (em) => {
        const account = await em.findOneOrFail(TestAccount, { id: accountId });
        account.credit(5);
        await em.flush();
        throw new Error('the command fails after its flush');
      }),
    ).rejects.toThrow('the command fails');
    const rows = await orm.em.fork().getConnection().execute('select aggregate_version, actor_type, correlation_id from messaging_outbox');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aggregate_version: 2, actor_type: 'system' });
  });

  it('lets two relays and two sets of workers share the work (SKIP LOCKED) with nothing doubled', async () => {
    // A long acknowledgement timeout: any second publish below can only come from two relays
    // taking the same row.
    const first = await start({ relayBatchSize: 50, ackTimeoutMs: 60_000 });
    await start({ relayBatchSize: 50, ackTimeoutMs: 60_000 });
    const orm = first.get(MikroORM);
    await creditAccounts(orm, { accounts: 40, creditsPerAccount: 25, concurrency: 16 });
    const counts = await waitUntil(
      async () => {
        const c = await deliveryCounts(orm);
        return c.undelivered === 0 && c.effects['ledger-beta']?.rows === 1000 && c.effects['ledger-alpha']?.rows === 1000 ? c : null;
      },
      { timeoutMs: 60_000, describe: async () => JSON.stringify(await deliveryCounts(orm)) },
    );
    expect(counts.effects).toEqual({ 'ledger-alpha': { rows: 1000, distinctEvents: 1000 }, 'ledger-beta': { rows: 1000, distinctEvents: 1000 } });
    expect(counts.outOfOrder).toBe(0);
    const [{ published_once }] = await orm.em.fork().getConnection().execute('select count(*) filter (where publish_count = 1)::int as published_once from messaging_outbox');
    expect(published_once).toBe(1000);
  });

  it('announces each event once on the live channel, after its commit, for the API to push over SSE', async () => {
    const listener = new Redis(TEST_REDIS_URL);
    const announced: string[] = [];
    listener.on('message', (_channel, message: string) => {
      for (const event of JSON.parse(message) as Array<{ id: string; aggregateType: string }>) announced.push(event.id);
    });
    await listener.subscribe(liveEventsChannel(queuePrefix));
    try {
      const worker = await start({ ackTimeoutMs: 200 });
      const orm = worker.get(MikroORM);
      await creditAccounts(orm, { accounts: 3, creditsPerAccount: 4, concurrency: 3 });
      await waitUntil(async () => (await deliveryCounts(orm)).undelivered === 0, { timeoutMs: 20_000 });
      const ids: Array<{ id: string }> = await orm.em.fork().getConnection().execute('select id from messaging_outbox');
      const ours = announced.filter((id) => ids.some((row) => row.id === id));
      expect(ours.sort()).toEqual(ids.map((row) => row.id).sort());
    } finally {
      listener.disconnect();
    }
  });

  it('removes delivered rows and their inbox rows after the retention, and nothing undelivered', async () => {
    const worker = await start({ retentionMs: 0, attempts: 1 });
    const orm = worker.get(MikroORM);
    await creditAccounts(orm, { accounts: 2, creditsPerAccount: 2, concurrency: 1, behaviour: (i) => (i === 0 ? { poison: true } : {}) });
    // Account 0's first event is poison for ledger-alpha, which also holds back account 0's second
    // event there (order per aggregate); account 1's two events are delivered.
    await waitUntil(async () => (await orm.em.fork().getConnection().execute('select count(*)::int as n from messaging_outbox where delivered_at is not null'))[0].n === 2, { timeoutMs: 20_000 });
    expect(await worker.get(OutboxRelay).purgeDelivered()).toBe(2);
    const left = await orm.em.fork().getConnection().execute('select delivered_at from messaging_outbox');
    expect(left).toEqual([{ delivered_at: null }, { delivered_at: null }]);
    const [{ inbox }] = await orm.em.fork().getConnection().execute('select count(*)::int as inbox from messaging_inbox');
    expect(inbox).toBe(2); // account 0's ledger-beta deliveries, kept with their undelivered rows
  });

  it('queues a row published twice only once (job id <eventId>@<subscriber>)', async () => {
    const worker = await start({ processors: false, ackTimeoutMs: 1 });
    const orm = worker.get(MikroORM);
    const relay = worker.get(OutboxRelay);
    await creditAccounts(orm, { accounts: 1, creditsPerAccount: 3, concurrency: 1 });
    await waitUntil(async () => (await orm.em.fork().getConnection().execute('select count(*)::int as n from messaging_outbox where publish_count >= 2'))[0].n === 3, {
      timeoutMs: 10_000,
    });
    await relay.cycle();
    const queue = new Queue(eventQueueName('ledger-alpha'), { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    const counts = await queue.getJobCounts();
    await queue.close();
    expect(counts['waiting'] + counts['prioritized']).toBe(3);
  });

  it('runs a handler that throws twice and then succeeds once, recording the attempts', async () => {
    const worker = await start();
    const orm = worker.get(MikroORM);
    await creditAccounts(orm, { accounts: 1, creditsPerAccount: 1, concurrency: 1, behaviour: () => ({ failTimes: 2 }) });
    await waitUntil(async () => (await deliveryCounts(orm)).undelivered === 0, { timeoutMs: 20_000 });
    const effects = await orm.em.fork().getConnection().execute(`select attempt from test_effect where subscriber = 'ledger-alpha'`);
    expect(effects).toEqual([{ attempt: 3 }]);
    const inbox = await orm.em.fork().getConnection().execute(`select attempts from messaging_inbox where subscriber = 'ledger-alpha'`);
    expect(inbox).toEqual([{ attempts: 3 }]);
  });

  it('leaves a poison event in the failed set while the other events keep flowing', async () => {
    const worker = await start({ attempts: 3 });
    const orm = worker.get(MikroORM);
    // 20 accounts, one event each; account 7's event always fails in ledger-alpha.
    const ids = await creditAccounts(orm, { accounts: 20, creditsPerAccount: 1, concurrency: 4, behaviour: (i) => (i === 7 ? { poison: true } : {}) });
    const queue = new Queue(eventQueueName('ledger-alpha'), { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    try {
      const failed = await waitUntil(async () => ((await queue.getFailedCount()) === 1 ? queue.getFailed() : null), { timeoutMs: 20_000 });
      const counts = await waitUntil(async () => {
        const c = await deliveryCounts(orm);
        return c.effects['ledger-alpha']?.rows === 19 && c.effects['ledger-beta']?.rows === 20 ? c : null;
      }, { timeoutMs: 20_000 });
      expect(counts.undelivered).toBe(1);
      expect(failed[0].attemptsMade).toBe(3);
      expect(failed[0].failedReason).toMatch(/poison event/);
      expect(failed[0].data.aggregateId).toBe(ids[7]);
    } finally {
      await queue.close();
    }
  });
});
