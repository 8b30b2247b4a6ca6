import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_REDIS_URL } from './test-database';
import { waitUntil } from './wait-until';

/** Anything that runs SQL with `$n` parameters: a pg `Client` or `Pool`. */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface QuietOptions {
  /** The product's database: its URL (a client is opened for the wait), or a pg `Client`/`Pool`. */
  database: string | SqlRunner;
  /** The QUEUE_PREFIX of the processes: their BullMQ queues are `<prefix>:<queue>:*` in Redis. */
  queuePrefix: string;
  redisUrl?: string;
  /** The queues to look at; by default every queue that has ever had a job under the prefix. */
  queues?: string[];
  timeoutMs?: number;
  intervalMs?: number;
  /** How many polls in a row must find nothing to do (default 2). */
  quietPolls?: number;
  /**
   * Work due later than this from now does not count (default 60 s): a quote's expiry job in
   * 2099, a workflow run parked at a one-day wait. Retries with a back-off are due sooner.
   */
  horizonMs?: number;
  /** The time the horizon counts from (default the system clock, which the processes use). */
  now?: () => Date;
}

/** What is still to do; all zero and empty when the system is quiet. */
export interface Activity {
  /** Outbox rows not yet in every subscriber's inbox. */
  undeliveredEvents: number;
  /** `<queue>: <n> <state>` for each queue with jobs waiting, active, paused, prioritized or delayed until within the horizon. */
  busyQueues: string[];
  /** Workflow runs still going that are not parked at a wait beyond the horizon. */
  activeRuns: number;
  /** Workflow steps running or waiting. */
  busySteps: number;
}

export function isQuiet(activity: Activity): boolean {
  return activity.undeliveredEvents === 0 && activity.busyQueues.length === 0 && activity.activeRuns === 0 && activity.busySteps === 0;
}

/**
 * Resolves once the system is quiet: the outbox has no undelivered row, no queue of the prefix
 * has a job waiting, active or due soon, and no workflow run has a step to run (a run parked at a
 * long wait is quiet) — on `quietPolls` polls in a row, so work passed from one stage to the next
 * between two looks is not missed. Use it where a test claims "nothing more happens": after it,
 * whatever would have happened has.
 */
export async function waitUntilQuiet(options: QuietOptions): Promise<Activity> {
  const ownClient = typeof options.database === 'string' ? new Client({ connectionString: options.database }) : null;
  const db: SqlRunner = ownClient ?? (options.database as SqlRunner);
  const redis = new Redis(options.redisUrl ?? TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  let last: Activity | string = 'not looked yet';
  let streak = 0;
  try {
    await ownClient?.connect();
    await redis.connect();
    return await waitUntil(
      async () => {
        // A look that fails (a server restarting) is not quiet: the next poll looks again.
        last = await currentActivity(db, redis, options).catch((error: Error) => `could not look: ${error.message}`);
        streak = typeof last !== 'string' && isQuiet(last) ? streak + 1 : 0;
        return streak >= (options.quietPolls ?? 2) ? (last as Activity) : null;
      },
      { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: options.intervalMs ?? 100, describe: () => `the system is not quiet: ${JSON.stringify(last)}` },
    );
  } finally {
    redis.disconnect();
    await ownClient?.end();
  }
}

/** One look at the outbox, the queues and the workflow runs. */
export async function currentActivity(db: SqlRunner, redis: Redis, options: Pick<QuietOptions, 'queuePrefix' | 'queues' | 'horizonMs' | 'now'>): Promise<Activity> {
  const horizon = new Date((options.now?.() ?? new Date()).getTime() + (options.horizonMs ?? 60_000));
  const [counts, busyQueues] = await Promise.all([
    db.query(
      `select (select count(*)::int from messaging_outbox where delivered_at is null) as events,
              -- A run stands still only at a wait that ends beyond the horizon (as the step order check reads it).
              (select count(*)::int from workflows_run r
                where r.status in ('running', 'waiting') and not exists (select 1 from workflows_run_step s where s.run_id = r.id and s.resume_at > $1)) as runs,
              (select count(*)::int from workflows_run_step where status in ('running', 'waiting')) as steps`,
      [horizon.toISOString()],
    ),
    queueActivity(redis, options.queuePrefix, options.queues, horizon),
  ]);
  const row = counts.rows[0];
  return { undeliveredEvents: Number(row['events']), busyQueues, activeRuns: Number(row['runs']), busySteps: Number(row['steps']) };
}

async function queueActivity(redis: Redis, prefix: string, names: string[] | undefined, horizon: Date): Promise<string[]> {
  // BullMQ writes `<prefix>:<queue>:meta` with a queue's first job (the queue dashboard finds them so too).
  const queues = names ?? (await redis.keys(`${prefix}:*:meta`)).map((key) => key.slice(prefix.length + 1, -':meta'.length));
  if (!queues.length) return [];
  const pipeline = redis.pipeline();
  for (const queue of queues) {
    const key = `${prefix}:${queue}`;
    pipeline.llen(`${key}:wait`).llen(`${key}:active`).llen(`${key}:paused`).zcard(`${key}:prioritized`);
    // A delayed job's score is its due time in ms times 0x1000 (plus a counter).
    pipeline.zcount(`${key}:delayed`, '-inf', String(horizon.getTime() * 0x1000 + 0xfff));
  }
  const counts = ((await pipeline.exec()) ?? []).map(([error, count]) => {
    if (error) throw error;
    return Number(count);
  });
  const states = ['waiting', 'active', 'paused', 'prioritized', 'delayed'];
  return queues.flatMap((queue, q) => states.flatMap((state, s) => (counts[q * states.length + s] ? [`${queue}: ${counts[q * states.length + s]} ${state}`] : [])));
}
