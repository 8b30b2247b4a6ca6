import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExpireQuoteCommand } from '@qa/quotes-application';
import { QuoteCreated, QuoteRecalled, QuoteSubmitted, QuoteUpdated, type QuoteEventPayload } from '@qa/quotes-contracts';
import { expiryInstant } from '@qa/quotes-domain';
import { IntegrationEventsHandler, MessagingSettings, runInMessageContext, type IntegrationEventHandler } from '@qa/shared-messaging';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { Queue, Worker } from 'bullmq';

/** Queue of the expiry jobs. Changing the name strands the delayed jobs waiting under the old one. */
export const QUOTE_EXPIRY_QUEUE = 'quotes.expiry';
export const EXPIRE_QUOTE_JOB = 'expire-quote';

/**
 * Expiry by a delayed job: whenever a quote is created or its expiry date may have changed, a job
 * is scheduled for the end of that day (job id `<quoteId>@<date>`, so rescheduling the same date
 * is a no-op). The job expires the quote if it is still expirable and past its date then.
 */
@Injectable()
export class QuoteExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QuoteExpiry');
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly orm: MikroORM,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = { url: this.settings.redisUrl, maxRetriesPerRequest: null } as never;
    this.queue = new Queue(QUOTE_EXPIRY_QUEUE, { connection, prefix: this.settings.queuePrefix });
    if (!this.settings.processors) return;
    this.worker = new Worker(
      QUOTE_EXPIRY_QUEUE,
      async (job) => {
        const quoteId = (job.data as { quoteId: string }).quoteId;
        const em = this.orm.em.fork();
        return RequestContext.create(em, () =>
          runInMessageContext({ actor: { type: 'system', id: null }, correlationId: String(job.id) }, () =>
            em.transactional(() => this.commands.execute(new ExpireQuoteCommand(quoteId))),
          ),
        );
      },
      { connection, prefix: this.settings.queuePrefix, concurrency: 4 },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`expiry of ${job?.data?.quoteId} failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  async schedule(quoteId: string, expiresOn: string): Promise<void> {
    const delay = Math.max(0, expiryInstant(expiresOn).getTime() - Date.now() + 1);
    await this.queue!.add(EXPIRE_QUOTE_JOB, { quoteId, expiresOn }, { jobId: `${quoteId}@${expiresOn}`, delay, attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true });
  }
}

@IntegrationEventsHandler('quotes', QuoteCreated, QuoteUpdated, QuoteSubmitted, QuoteRecalled)
export class ScheduleExpiryWhenQuoteChangedHandler implements IntegrationEventHandler<QuoteEventPayload> {
  constructor(private readonly scheduler: QuoteExpiryScheduler) {}

  async handle(event: IntegrationEvent<QuoteEventPayload>): Promise<void> {
    await this.scheduler.schedule(event.payload.quoteId, event.payload.expiresOn);
  }
}
