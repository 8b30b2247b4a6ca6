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
          if (await this.hasEarlierUnhandled(tx, subscriber, event)) return 'waiting-for-earlier';
          const inserted = await (tx as SqlEntityManager)
            .createQueryBuilder(InboxRecord)
            .insert({ eventId: event.id, subscriber, processedAt: new Date(), attempts: attempt })
            .onConflict(['eventId', 'subscriber'])
            .ignore()
            .execute('run');
          if (!inserted.affectedRows) return 'duplicate';
          for (const handler of this.registry.handlersFor(subscriber, event.name)) {
            await handler.handle(event, { subscriber, attempt, em: tx });
          }
          return 'handled';
        }),
      ),
    );
  }

  private async hasEarlierUnhandled(em: EntityManager, subscriber: string, event: IntegrationEvent): Promise<boolean> {
    const names = this.registry.eventsOf(subscriber);
    const rows: unknown[] = await em.getConnection().execute(
      `select 1 from messaging_outbox o
        where o.aggregate_type = ? and o.aggregate_id = ? and o.delivered_at is null
          and (o.aggregate_version < ? or (o.aggregate_version = ? and o.id < ?))
          and o.name in (${names.map(() => '?').join(', ')})
          and not exists (select 1 from messaging_inbox i where i.event_id = o.id and i.subscriber = ?)
        limit 1`,
      [event.aggregateType, event.aggregateId, event.aggregateVersion, event.aggregateVersion, event.id, ...names, subscriber],
      'all',
      em.getTransactionContext(),
    );
    return rows.length > 0;
  }
}
