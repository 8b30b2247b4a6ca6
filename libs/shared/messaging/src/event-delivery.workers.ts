import { MikroORM, RequestContext, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { DelayedError, Worker, type Job } from 'bullmq';
import { InboxRecord, OutboxMessage } from './outbox-message';
import { runInMessageContext } from './message-context';
import { MessagingSettings } from './messaging-options';
import { eventQueueName } from './queue-names';
import { SubscriptionRegistry } from './subscription-registry';

export type DeliveryOutcome = 'handled' | 'duplicate' | 'waiting-for-earlier' | 'rejected';

/** How long a delivery waits before looking again for the aggregate's earlier events. */
const ORDER_WAIT_MS = 50;

/**
 * Runs the subscribers: one BullMQ worker per subscribing context. Each delivery opens its own ORM
 * context and transaction, records `<eventId, subscriber>` in the inbox and runs the handlers in
 * that transaction: a redelivered job finds its inbox row and changes nothing.
 *
 * Order: a delivery whose aggregate has an earlier event this subscriber has not handled yet is
 * put back (delayed, without using up an attempt) until that one is handled.
 *
 * Trust: a job is a hint, not a fact. A delivery is handled only when the event it names is in the
 * outbox with the same content and this subscriber subscribes to it; the handlers get the outbox's
 * copy. A forged or edited job (put straight into Redis) changes nothing and is logged as rejected.
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
      // A rejected job gives its id back, so that the relay can publish the real event under it.
      worker.on('completed', (job, result) => {
        if (result === 'rejected') void job.remove().catch(() => undefined);
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
    const outcome = await this.deliver(subscriber, job.data, job.attemptsMade + 1, job.id);
    if (outcome === 'waiting-for-earlier' && token) {
      await job.moveToDelayed(Date.now() + ORDER_WAIT_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }

  /** One delivery of one event to one subscriber, in one transaction. */
  async deliver(subscriber: string, hint: IntegrationEvent, attempt: number, jobId?: string): Promise<DeliveryOutcome> {
    const problem = this.refuseOnSight(subscriber, hint);
    if (problem) return this.rejected(subscriber, jobId, problem);
    const em = this.orm.em.fork();
    try {
      return await RequestContext.create(em, () =>
        runInMessageContext({ actor: { type: 'system', id: null }, correlationId: hint.correlationId }, () =>
          em.transactional(async (tx): Promise<DeliveryOutcome> => {
            const claim = await this.claim(tx, subscriber, hint, attempt);
            if (typeof claim === 'string') return claim;
            for (const handler of this.registry.handlersFor(subscriber, claim.event.name)) {
              await handler.handle(claim.event, { subscriber, attempt });
            }
            return 'handled';
          }),
        ),
      );
    } catch (error) {
      if (error instanceof RejectedDelivery) return this.rejected(subscriber, jobId, error.message);
      throw error;
    }
  }

  private rejected(subscriber: string, jobId: string | undefined, reason: string): DeliveryOutcome {
    this.logger.warn(`rejected job ${jobId ?? '(direct)'} for ${subscriber}: ${reason}`);
    return 'rejected';
  }

  /** What makes a job unusable before the database is asked: no event id, or not this subscriber's event. */
  private refuseOnSight(subscriber: string, hint: IntegrationEvent): string | null {
    if (!hint || typeof hint !== 'object' || typeof hint.id !== 'string' || !hint.id || typeof hint.correlationId !== 'string') return 'the job names no event';
    if (!this.registry.subscribersOf(hint.name).includes(subscriber)) return `${subscriber} does not subscribe to ${String(hint.name)}`;
    return null;
  }

  /**
   * The event as the outbox has it, the order check and the inbox row, in the delivery's
   * transaction. A job whose event is not in the outbox, or differs from the outbox's copy, throws
   * RejectedDelivery (rolling back anything written). 'waiting-for-earlier' when an earlier event
   * of the aggregate is not handled by this subscriber yet (nothing written), 'duplicate' when the
   * inbox already has this delivery, else the outbox's copy of the event (the inbox row is
   * written). On PostgreSQL one statement (the profile showed each round trip costs about as much
   * as the work it carries); elsewhere three.
   */
  private async claim(em: EntityManager, subscriber: string, hint: IntegrationEvent, attempt: number): Promise<DeliveryOutcome | { event: IntegrationEvent }> {
    const names = this.registry.eventsOf(subscriber);
    const earlier = `select 1 from messaging_outbox o
        where o.aggregate_type = ? and o.aggregate_id = ? and o.delivered_at is null
          and (o.aggregate_version < ? or (o.aggregate_version = ? and o.id < ?))
          and o.name in (${names.map(() => '?').join(', ')})
          and not exists (select 1 from messaging_inbox i where i.event_id = o.id and i.subscriber = ?)
        limit 1`;
    const connection = em.getConnection();
    const transaction = em.getTransactionContext();
    if (this.orm.config.get('driver')?.name === 'PostgreSqlDriver') {
      // One snapshot for all parts; ON CONFLICT still settles a concurrent duplicate. The order
      // check uses the stored event's aggregate, not the job's.
      const [row]: Array<Record<string, unknown> & { qa_waiting: boolean | null; qa_inserted: number }> = await connection.execute(
        `with source as (select * from messaging_outbox where id = ?),
              earlier as (select exists (${earlier.replace('o.aggregate_type = ? and o.aggregate_id = ?', 'o.aggregate_type = s.aggregate_type and o.aggregate_id = s.aggregate_id').replace('o.aggregate_version < ? or (o.aggregate_version = ? and o.id < ?)', 'o.aggregate_version < s.aggregate_version or (o.aggregate_version = s.aggregate_version and o.id < s.id)')}) as waiting from source s),
              inserted as (
                insert into messaging_inbox (event_id, subscriber, processed_at, attempts)
                select ?, ?, ?, ? from earlier where not earlier.waiting
                on conflict (event_id, subscriber) do nothing
                returning 1)
         select (select waiting from earlier) as qa_waiting, (select count(*) from inserted)::int as qa_inserted, source.*
           from (select 1) as one left join source on true`,
        [hint.id, ...names, subscriber, hint.id, subscriber, new Date(), attempt],
        'all',
        transaction,
      );
      const event = this.sameAsStored(hint, row['id'] ? em.map(OutboxMessage, row) : null);
      if (row.qa_waiting) return 'waiting-for-earlier';
      return row.qa_inserted ? { event } : 'duplicate';
    }
    const event = this.sameAsStored(hint, await em.findOne(OutboxMessage, { id: hint.id }, { disableIdentityMap: true }));
    const rows: unknown[] = await connection.execute(
      earlier,
      [event.aggregateType, event.aggregateId, event.aggregateVersion, event.aggregateVersion, event.id, ...names, subscriber],
      'all',
      transaction,
    );
    if (rows.length > 0) return 'waiting-for-earlier';
    const inserted = await (em as SqlEntityManager)
      .createQueryBuilder(InboxRecord)
      .insert({ eventId: event.id, subscriber, processedAt: new Date(), attempts: attempt })
      .onConflict(['eventId', 'subscriber'])
      .ignore()
      .execute('run');
    return inserted.affectedRows ? { event } : 'duplicate';
  }

  /** The outbox's copy of the event when the job carries the same content; otherwise RejectedDelivery. */
  private sameAsStored(hint: IntegrationEvent, stored: OutboxMessage | null): IntegrationEvent {
    if (!stored) throw new RejectedDelivery(`event ${hint.id} is not in the outbox`);
    const envelope = stored.toEnvelope();
    if (canonicalJson(envelope) !== canonicalJson(hint)) throw new RejectedDelivery(`event ${hint.id} differs from the outbox's copy`);
    return envelope;
  }
}

/** A job the outbox does not vouch for: nothing it did is kept. */
class RejectedDelivery extends Error {}

/** JSON with object keys sorted, so that two copies of an event compare by content. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
