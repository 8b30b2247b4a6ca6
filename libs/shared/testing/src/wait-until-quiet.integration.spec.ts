import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeQueueKeys } from './queue-keys';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from './test-database';
import { currentActivity, waitUntilQuiet } from './wait-until-quiet';

/** The tables and columns the helper reads, as the product's migrations make them. */
const DDL = [
  'create table messaging_outbox (id varchar(36) primary key, delivered_at timestamptz null)',
  'create table workflows_run (id varchar(36) primary key, status varchar(12) not null)',
  'create table workflows_run_step (id varchar(36) primary key, run_id varchar(36) not null, status varchar(12) not null, resume_at timestamptz null)',
];

describe('waitUntilQuiet', () => {
  const queuePrefix = `qa-quiet-${randomBytes(3).toString('hex')}`;
  let database: TestDatabase;
  let db: Client;
  let redis: Redis;
  const queue = new Queue('events.test', { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
  const hour = 3_600_000;
  const activity = () => currentActivity(db, redis, { queuePrefix });
  const quiet = { undeliveredEvents: 0, busyQueues: [], activeRuns: 0, busySteps: 0 };

  beforeAll(async () => {
    database = await createTestDatabase('qa_quiet');
    db = new Client({ connectionString: database.url });
    await db.connect();
    for (const ddl of DDL) await db.query(ddl);
    redis = new Redis(TEST_REDIS_URL);
  });
  afterEach(async () => {
    await queue.obliterate({ force: true });
    for (const table of ['messaging_outbox', 'workflows_run', 'workflows_run_step']) await db.query(`delete from ${table}`);
  });
  afterAll(async () => {
    await queue.close();
    redis?.disconnect();
    await db?.end();
    await database?.drop();
    await removeQueueKeys(queuePrefix);
  });

  it('resolves with nothing to do on a system with no work', async () => {
    expect(await waitUntilQuiet({ database: database.url, queuePrefix, timeoutMs: 5_000 })).toEqual(quiet);
  });

  it('counts an event some subscriber has not acknowledged, until it is delivered', async () => {
    await db.query(`insert into messaging_outbox values ('e1', null), ('e2', now())`);
    expect(await activity()).toEqual({ ...quiet, undeliveredEvents: 1 });
    const waiting = waitUntilQuiet({ database: db, queuePrefix, timeoutMs: 10_000 });
    await db.query(`update messaging_outbox set delivered_at = now() where id = 'e1'`);
    expect(await waiting).toEqual(quiet);
  });

  it('counts jobs waiting and delayed jobs due within the horizon, not those due later', async () => {
    await queue.add('deliver-event', { n: 1 }, { jobId: 'now' });
    await queue.add('deliver-event', { n: 2 }, { jobId: 'soon', delay: 5_000 });
    await queue.add('deliver-event', { n: 3 }, { jobId: 'tomorrow', delay: 24 * hour });
    expect(await activity()).toEqual({ ...quiet, busyQueues: ['events.test: 1 waiting', 'events.test: 1 delayed'] });
    // Only the queues named are looked at, when they are named.
    expect((await currentActivity(db, redis, { queuePrefix, queues: ['workflows.steps'] })).busyQueues).toEqual([]);
    // With a horizon past tomorrow, the far job counts too.
    expect((await currentActivity(db, redis, { queuePrefix, horizonMs: 25 * hour })).busyQueues).toEqual(['events.test: 1 waiting', 'events.test: 2 delayed']);
    await (await queue.getJob('now'))!.remove();
    await (await queue.getJob('soon'))!.remove();
    expect(await waitUntilQuiet({ database: database.url, queuePrefix, timeoutMs: 5_000 })).toEqual(quiet);
  });

  it('counts workflow runs with a step to run, not a run parked at a long wait', async () => {
    const inAnHour = new Date(Date.now() + hour).toISOString();
    await db.query(`insert into workflows_run values ('going', 'running'), ('parked', 'running'), ('done', 'succeeded'), ('broken', 'failed')`);
    await db.query(`insert into workflows_run_step values ('g0', 'going', 'running', null), ('p0', 'parked', 'succeeded', $1), ('p1', 'parked', 'pending', null)`, [inAnHour]);
    expect(await activity()).toEqual({ ...quiet, activeRuns: 1, busySteps: 1 });
    // An hour later the parked run goes on.
    expect(await currentActivity(db, redis, { queuePrefix, now: () => new Date(Date.now() + 2 * hour) })).toEqual({ ...quiet, activeRuns: 2, busySteps: 1 });
    await db.query(`update workflows_run set status = 'succeeded' where id = 'going'`);
    await db.query(`update workflows_run_step set status = 'succeeded' where id = 'g0'`);
    expect(await waitUntilQuiet({ database: db, queuePrefix, timeoutMs: 5_000 })).toEqual(quiet);
  });

  it('times out naming what is still to do', async () => {
    await db.query(`insert into messaging_outbox values ('stuck', null)`);
    await queue.add('deliver-event', {}, { jobId: 'stuck' });
    await expect(waitUntilQuiet({ database: db, queuePrefix, timeoutMs: 300 })).rejects.toThrow(
      'Timed out after 300 ms: the system is not quiet: {"undeliveredEvents":1,"busyQueues":["events.test: 1 waiting"],"activeRuns":0,"busySteps":0}',
    );
  });
});
