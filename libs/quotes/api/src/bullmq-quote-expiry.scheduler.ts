import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExpireQuoteCommand, QuoteExpiryScheduler } from '@qa/quotes-application';
import { expiryInstant, QuoteRepository } from '@qa/quotes-domain';
import { MessagingSettings, runInMessageContext } from '@qa/shared-messaging';
import { Queue, Worker } from 'bullmq';

/** Queue of the expiry jobs. Changing the name strands the delayed jobs waiting under the old one. */
export const QUOTE_EXPIRY_QUEUE = 'quotes.expiry';
export const EXPIRE_QUOTE_JOB = 'expire-quote';

/** How often each worker also looks in the database for quotes past their date (a lost job). */
const EXPIRY_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * Expiry by a delayed job: whenever a quote is created or its expiry date may have changed, a job
 * is scheduled for the end of that day (job id `<quoteId>@<date>`, so rescheduling the same date
 * is a no-op). The job expires the quote if it is still expirable and past its date then.
 * The jobs live in Redis; a sweep of the database (at start-up, then every 15 minutes) expires the
 * quotes whose job Redis lost. The quotes context's QuoteExpiryScheduler port in the worker.
 */
@Injectable()
export class BullMqQuoteExpiryScheduler extends QuoteExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QuoteExpiry');
  private queue?: Queue;
  private worker?: Worker;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly orm: MikroORM,
    private readonly commands: CommandBus,
    private readonly quotes: QuoteRepository,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const connection = { url: this.settings.redisUrl, maxRetriesPerRequest: null } as never;
    this.queue = new Queue(QUOTE_EXPIRY_QUEUE, { connection, prefix: this.settings.queuePrefix });
    if (!this.settings.processors) return;
    this.worker = new Worker(
      QUOTE_EXPIRY_QUEUE,
      (job) => this.expire((job.data as { quoteId: string }).quoteId, String(job.id)),
      { connection, prefix: this.settings.queuePrefix, concurrency: 4 },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`expiry of ${job?.data?.quoteId} failed: ${error.message}`));
    const sweep = () => void this.expireOverdue().catch((error) => this.logger.warn(`expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`));
    setTimeout(sweep, 5_000).unref();
    this.sweeper = setInterval(sweep, EXPIRY_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Expires the quotes past their expiry date that are still expirable; returns how many. */
  async expireOverdue(): Promise<number> {
    const today = new Date().toISOString().slice(0, 10);
    const ids = await RequestContext.create(this.orm.em.fork(), () => this.quotes.findExpirableBefore(today, 500));
    let expired = 0;
    for (const quoteId of ids) {
      try {
        if (await this.expire(quoteId, `expiry-sweep:${quoteId}`)) expired += 1;
      } catch (error) {
        // Changed meanwhile (or expired by another worker): the next sweep looks again.
        this.logger.warn(`expiry sweep: ${quoteId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (expired) this.logger.warn(`expired ${expired} quote(s) whose expiry job was missing`);
    return expired;
  }

  /** Expires one quote in its own transaction (a no-op when it changed meanwhile). */
  private expire(quoteId: string, correlationId: string): Promise<boolean> {
    const em = this.orm.em.fork();
    return RequestContext.create(em, () =>
      runInMessageContext({ actor: { type: 'system', id: null }, correlationId }, () => em.transactional(() => this.commands.execute(new ExpireQuoteCommand(quoteId)))),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.worker?.close();
    await this.queue?.close();
  }

  async schedule(quoteId: string, expiresOn: string): Promise<void> {
    const delay = Math.max(0, expiryInstant(expiresOn).getTime() - Date.now() + 1);
    await this.queue!.add(EXPIRE_QUOTE_JOB, { quoteId, expiresOn }, { jobId: `${quoteId}@${expiresOn}`, delay, attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true });
  }
}
