import { LockMode, MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { MessagingSettings } from './messaging-options';
import { InboxRecord, OutboxMessage } from './outbox-message';
import { deliveryJobId, DELIVER_EVENT_JOB, eventQueueName, liveEventsChannel, OUTBOX_NOTIFY_CHANNEL } from './queue-names';
import { SubscriptionRegistry } from './subscription-registry';

export interface RelayCycle {
  published: number;
  acknowledged: number;
}

/**
 * Moves outbox rows to BullMQ: one job per subscribing context, job id `<eventId>@<subscriber>`.
 * A row is done only when every subscriber has it in its inbox; until then it is published again
 * (same job ids, so nothing is queued twice) each time its acknowledgement is overdue: a Redis
 * that lost its jobs loses no events. On PostgreSQL several relays share the work
 * (`FOR UPDATE SKIP LOCKED`) and wake on NOTIFY; elsewhere they poll.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues = new Map<string, Queue>();
  private connection?: Redis;
  private listener?: Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;
  private lastPurge = 0;
  /** A NOTIFY arrived while a cycle ran: run the next cycle at once instead of sleeping. */
  private notified = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: SubscriptionRegistry,
    private readonly settings: MessagingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.relay) return;
    // Fail fast while Redis is away: the transaction rolls back and the rows wait in the outbox.
    this.connection = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: 'qa-relay' });
    this.connection.on('error', () => undefined);
    await this.listen();
    this.running = true;
    this.loop = this.run();
    this.logger.log(`relay started for subscribers: ${this.registry.subscribers().join(', ') || '(none)'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.connection?.disconnect();
  }

  /** One cycle: publish what is due, then acknowledge what every subscriber has handled. */
  async cycle(): Promise<RelayCycle> {
    const published = await this.publishDue();
    const acknowledged = await this.acknowledge();
    return { published, acknowledged };
  }

  private async run(): Promise<void> {
    while (this.running) {
      let cycle: RelayCycle = { published: 0, acknowledged: 0 };
      try {
        cycle = await this.cycle();
        if (Date.now() - this.lastPurge > 10 * 60_000) {
          this.lastPurge = Date.now();
          await this.purgeDelivered();
        }
        if (this.failures > 0) this.logger.log(`relay recovered after ${this.failures} failed cycles`);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(`relay cycle failed (${this.failures}x), retrying: ${error instanceof Error ? error.message : error}`);
        }
      }
      if (cycle.published >= this.settings.relayBatchSize) continue;
      if (this.notified && !this.failures) {
        this.notified = false;
        continue;
      }
      const backoff = this.failures ? Math.min(100 * 2 ** this.failures, 5_000) : this.settings.relayPollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          this.notified = false;
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async publishDue(): Promise<number> {
    const isPostgres = this.orm.config.get('driver')?.name === 'PostgreSqlDriver';
    const em = this.orm.em.fork();
    const { count, fresh } = await em.transactional(async (tx) => {
      const now = new Date();
      const rows = await tx.find(
        OutboxMessage,
        { deliveredAt: null, nextPublishAt: { $lte: now } },
        { orderBy: { nextPublishAt: 'asc', id: 'asc' }, limit: this.settings.relayBatchSize, ...(isPostgres ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}) },
      );
      if (rows.length === 0) return { count: 0, fresh: [] };

      const republished = rows.filter((r) => r.publishCount > 0).map((r) => r.id);
      const handled = new Set(
        republished.length ? (await tx.find(InboxRecord, { eventId: { $in: republished } })).map((i) => deliveryJobId(i.eventId, i.subscriber)) : [],
      );
      const jobs = new Map<string, Array<{ name: string; data: unknown; opts: JobsOptions }>>();
      const fresh: ReturnType<OutboxMessage['toEnvelope']>[] = [];
      for (const row of rows) {
        const subscribers = this.registry.subscribersOf(row.name);
        row.subscriberCount = subscribers.length;
        const envelope = row.toEnvelope();
        // Announced live whether or not a context subscribes (e.g. task events for the badge).
        if (row.publishCount === 0) fresh.push(envelope);
        if (subscribers.length === 0) {
          row.deliveredAt = now;
          continue;
        }
        for (const subscriber of subscribers) {
          const jobId = deliveryJobId(row.id, subscriber);
          if (handled.has(jobId)) continue;
          const list = jobs.get(subscriber) ?? [];
          list.push({ name: DELIVER_EVENT_JOB, data: envelope, opts: { ...this.jobOptions(), jobId } });
          jobs.set(subscriber, list);
        }
        row.publishCount += 1;
        row.nextPublishAt = new Date(now.getTime() + this.settings.ackTimeoutMs * 2 ** Math.min(row.publishCount - 1, 6));
      }
      await Promise.all([...jobs].map(([subscriber, list]) => this.queue(subscriber).addBulk(list)));
      // The rows count as published only when this transaction commits (after this callback).
      return { count: rows.length, fresh };
    });
    // Live updates are best effort: announced once, after the commit, to every API process.
    if (fresh.length) void this.connection!.publish(liveEventsChannel(this.settings.queuePrefix), JSON.stringify(fresh)).catch(() => undefined);
    return count;
  }

  /** Marks delivered the rows every subscriber has recorded in its inbox. */
  private async acknowledge(): Promise<number> {
    const em = this.orm.em.fork();
    const ready: Array<{ id: string }> = await em.getConnection().execute(
      `select o.id from messaging_outbox o
        where o.delivered_at is null and o.subscriber_count is not null
          and o.subscriber_count <= (select count(*) from messaging_inbox i where i.event_id = o.id)
        limit 2000`,
    );
    if (ready.length === 0) return 0;
    return em.nativeUpdate(OutboxMessage, { id: { $in: ready.map((r) => r.id) }, deliveredAt: null }, { deliveredAt: new Date() });
  }

  /** Removes delivered rows (and their inbox rows) older than the retention; returns how many. */
  async purgeDelivered(): Promise<number> {
    const em = this.orm.em.fork();
    const cutoff = new Date(Date.now() - this.settings.retentionMs);
    let removed = 0;
    for (;;) {
      const batch = await em.find(OutboxMessage, { deliveredAt: { $lt: cutoff } }, { fields: ['id'], limit: 2_000 });
      if (batch.length === 0) return removed;
      const ids = batch.map((row) => row.id);
      await em.transactional(async (tx) => {
        await tx.nativeDelete(InboxRecord, { eventId: { $in: ids } });
        await tx.nativeDelete(OutboxMessage, { id: { $in: ids } });
      });
      em.clear();
      removed += ids.length;
    }
  }

  jobOptions(): JobsOptions {
    return {
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: 3_600, count: 10_000 },
      removeOnFail: { age: 14 * 24 * 3_600 },
    };
  }

  private queue(subscriber: string): Queue {
    let queue = this.queues.get(subscriber);
    if (!queue) {
      queue = new Queue(eventQueueName(subscriber), { connection: this.connection!, prefix: this.settings.queuePrefix });
      queue.on('error', () => undefined);
      this.queues.set(subscriber, queue);
    }
    return queue;
  }

  /** PostgreSQL: a trigger NOTIFYs on every outbox insert, so the relay wakes within milliseconds. */
  private async listen(): Promise<void> {
    if (this.orm.config.get('driver')?.name !== 'PostgreSqlDriver') return;
    const connect = async () => {
      const client = new Client({ connectionString: this.orm.config.getClientUrl() });
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      client.on('error', () => {
        // The connection dropped (database restart): polling carries on; reconnect shortly.
        this.listener = undefined;
        if (this.running) setTimeout(() => void connect().catch(() => undefined), 1_000).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.listener = client;
    };
    await connect().catch((error) => this.logger.warn(`LISTEN failed, polling only: ${error.message}`));
  }
}
