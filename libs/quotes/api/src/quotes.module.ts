import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingSettings } from '@qa/shared-messaging';
import { REDIS } from '@qa/shared-redis';
import type { Redis } from 'ioredis';
import { ApprovalPolicy, QuoteExpiryScheduler, QuoteListReader, QuotePdfRenderer, quotesHandlers, quotesReactions } from '@qa/quotes-application';
import { QuoteRepository } from '@qa/quotes-domain';
import { ApprovalsContractPolicy, MikroOrmQuoteRepository, PdfkitQuoteRenderer, SqlQuoteListReader } from '@qa/quotes-infrastructure';
import { BullMqQuoteExpiryScheduler } from './bullmq-quote-expiry.scheduler';
import { QuotesController } from './quotes.controller';
import { RedisThrottlerStorage, SHARED_QUOTE_LIMITS, SharedQuoteThrottlerGuard } from './shared-quote-throttling';
import { SharedQuotesController } from './shared-quotes.controller';

const providers = [
  ...quotesHandlers,
  { provide: QuoteRepository, useClass: MikroOrmQuoteRepository },
  { provide: QuoteListReader, useClass: SqlQuoteListReader },
  { provide: QuotePdfRenderer, useClass: PdfkitQuoteRenderer },
  // The approvals context answers through its contract (EvaluateQuoteApprovalQuery).
  { provide: ApprovalPolicy, useClass: ApprovalsContractPolicy },
];

/** Quotes over HTTP: the quotes list, the set-up flow's endpoints, recall, and the buyer's page API. */
@Module({
  imports: [
    CqrsModule,
    // Rate limits of the buyer's endpoints, per client address, counted in Redis (SharedQuoteThrottlerGuard).
    ThrottlerModule.forRootAsync({
      inject: [REDIS, MessagingSettings],
      useFactory: (redis: Redis, settings: MessagingSettings) => ({ throttlers: [{ name: 'default', ...SHARED_QUOTE_LIMITS.page }], storage: new RedisThrottlerStorage(redis, settings.queuePrefix) }),
    }),
  ],
  controllers: [QuotesController, SharedQuotesController],
  providers: [...providers, SharedQuoteThrottlerGuard],
})
export class QuotesHttpModule {}

/** Quotes in the worker: the expiry jobs and the quotes context's reactions to integration events. */
@Module({
  imports: [CqrsModule],
  providers: [...providers, BullMqQuoteExpiryScheduler, { provide: QuoteExpiryScheduler, useExisting: BullMqQuoteExpiryScheduler }, ...quotesReactions],
})
export class QuotesWorkerModule {}
