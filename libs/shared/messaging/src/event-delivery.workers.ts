import { MikroORM, RequestContext, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { DelayedError, Worker, type Job } from 'bullmq';
import { InboxRecord } from './outbox-message';
import { runInMessageContext } from './message-context';
import { MessagingSettings } from './messaging-options';
import { eventQueueName } from './queue-names';
import { SubscriptionRegistry } from './subscription-registry';

export type DeliveryOutcome = 'handled' | 'duplicate' | 'waiting-for-earlier';

/** How long a delivery waits before looking again for the aggregate's earlier events. */
const ORDER_WAIT_MS = 50;

/**
 * Runs the subscribers: one BullMQ worker per subscribing context. Each delivery opens its own ORM
 * context and transaction, records `<eventId, subscriber>` in the inbox and runs the handlers in
 * that transaction: a redelivered job finds its inbox row and changes nothing.
 *
 * Order: a delivery whose aggregate has an earlier event this subscriber has not handled yet is
 * put back (delayed, without using up an attempt) until that one is handled.
 */
@Injectable()
export class EventDeliveryWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventDelivery');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: SubscriptionRegistry,
    private readonly settings: MessagingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.processors) return;
    for (const subscriber of this.registry.subscribers()) {
      const worker = new Worker(eventQueueName(subscriber), (job, token) => this.process(subscriber, job, token), {
        connection: { url: this.settings.redisUrl, maxRetriesPerRequest: null, connectionName: `qa-worker-${subscriber}` } as never,
        prefix: this.settings.queuePrefix,
        concurrency: this.settings.concurrency,
        lockDuration: this.settings.stalledAfterMs,
        stalledInterval: this.settings.stalledAfterMs,
        // A worker killed mid-job leaves it "stalled"; it goes back to the queue up to 5 times.
        maxStalledCount: 5,
        autorun: true,
      });
      worker.on('failed', (job, error) => {
        if (error instanceof DelayedError || !job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        this.logger.warn(`${job.id} failed (attempt ${job.attemptsMade}${final ? ', moved to the failed set' : ', will retry'}): ${error.message}`);
      });
      worker.on('error', (error) => this.logger.warn(`worker ${subscriber}: ${error.message}`));
      this.workers.push(worker);
    }
    if (this.workers.length) this.logger.log(`delivering events to: ${this.registry.subscribers().join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  async process(subscriber: string, job: Job<IntegrationEvent>, token?: string): Promise<DeliveryOutcome> {
    const outcome = await this.deliver(subscriber, job.data, job.attemptsMade + 1);
    if (outcome === 'waiting-for-earlier' && token) {
      await job.moveToDelayed(Date.now() + ORDER_WAIT_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }

  /** One delivery of one event to one subscriber, in one transaction. */
  async deliver(subscriber: string, event: IntegrationEvent, attempt: number): Promise<DeliveryOutcome> {
    const em = this.orm.em.fork();
    return RequestContext.create(em, () =>
      runInMessageContext({ actor: { type: 'system', id: null }, correlationId: event.correlationId }, () =>
        em.transactional(async (tx) => {
          const claim = await this.claim(tx, subscriber, event, attempt);
          if (claim !== 'claimed') return claim;
          for (const handler of this.registry.handlersFor(subscriber, event.name)) {
            await handler.handle(event, { subscriber, attempt, em: tx });
          }
          return 'handled';
        }),
      ),
    );
  }

  /**
   * The order check and the inbox row, in the delivery's transaction: 'waiting-for-earlier' when
   * an earlier event of the aggregate is not handled by this subscriber yet (nothing written),
   * 'duplicate' when the inbox already has this delivery, else 'claimed' (the inbox row is
   * written). On PostgreSQL one statement (the profile showed each round trip costs about as much
   * as the work it carries); elsewhere two.
   */
  private async claim(em: EntityManager, subscriber: string, event: IntegrationEvent, attempt: number): Promise<DeliveryOutcome | 'claimed'> {
    const names = this.registry.eventsOf(subscriber);
    const earlier = `select 1 from messaging_outbox o
        where o.aggregate_type = ? and o.aggregate_id = ? and o.delivered_at is null
          and (o.aggregate_version < ? or (o.aggregate_version = ? and o.id < ?))
          and o.name in (${names.map(() => '?').join(', ')})
          and not exists (select 1 from messaging_inbox i where i.event_id = o.id and i.subscriber = ?)
        limit 1`;
    const earlierParams = [event.aggregateType, event.aggregateId, event.aggregateVersion, event.aggregateVersion, event.id, ...names, subscriber];
    const connection = em.getConnection();
    const transaction = em.getTransactionContext();
    if (this.orm.config.get('driver')?.name === 'PostgreSqlDriver') {
      // One snapshot for both parts; ON CONFLICT still settles a concurrent duplicate.
      const [row]: Array<{ waiting: boolean; inserted: number }> = await connection.execute(
        `with earlier as (select exists (${earlier}) as waiting),
              inserted as (
                insert into messaging_inbox (event_id, subscriber, processed_at, attempts)
                select ?, ?, ?, ? from earlier where not earlier.waiting
                on conflict (event_id, subscriber) do nothing
                returning 1)
         select (select waiting from earlier) as waiting, (select count(*) from inserted)::int as inserted`,
        [...earlierParams, event.id, subscriber, new Date(), attempt],
        'all',
        transaction,
      );
      if (row.waiting) return 'waiting-for-earlier';
      return row.inserted ? 'claimed' : 'duplicate';
    }
    const rows: unknown[] = await connection.execute(earlier, earlierParams, 'all', transaction);
    if (rows.length > 0) return 'waiting-for-earlier';
    const inserted = await (em as SqlEntityManager)
      .createQueryBuilder(InboxRecord)
      .insert({ eventId: event.id, subscriber, processedAt: new Date(), attempts: attempt })
      .onConflict(['eventId', 'subscriber'])
      .ignore()
      .execute('run');
    return inserted.affectedRows ? 'claimed' : 'duplicate';
  }
}
