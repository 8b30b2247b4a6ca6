import { ApprovalsHttpModule } from '@qa/approvals-api';
import { ApprovalLinkSettings } from '@qa/approvals-application';
import { AuditHttpModule } from '@qa/audit-api';
import { AnalyticsHttpModule } from '@qa/analytics-api';
import { DiscountFlagModule } from '@qa/extensions-discount-flag';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CrmModule } from '@qa/crm-api';
import { IdentityModule } from '@qa/identity-api';
import { QuotesHttpModule } from '@qa/quotes-api';
import { TasksHttpModule } from '@qa/tasks-api';
import { NotificationsHttpModule } from '@qa/notifications-api';
import { WorkflowsHttpModule } from '@qa/workflows-api';
import { MessagingModule } from '@qa/shared-messaging';
import { databaseOptions } from '@qa/platform-database';
import type { AppConfig } from '@qa/shared-config';
import { RedisModule } from '@qa/shared-redis';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG } from './app-config.token';
import { HealthModule } from './health/health.module';
import { LiveEventsModule } from './live-events/live-events.module';
import { MessageContextInterceptor } from './message-context.interceptor';
import { IdempotencyInterceptor, IdempotencyPurger } from '@qa/shared-http';
import { Clock, SystemClock } from '@qa/shared-kernel';

/** The HTTP process: every context's HTTP module, persistence, Redis, logs and health. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigns the request id (from X-Request-Id or a new one); pino-http logs it.
            genReqId: (request) => (request as { id?: string }).id ?? '',
            customProps: (request) => ({ callerId: (request as { caller?: { userId: string } }).caller?.userId }),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        MikroOrmModule.forRoot(databaseOptions(config.database)),
        RedisModule.forRoot(config.redisUrl),
        // Queue settings only: the API writes outbox rows and schedules jobs, it runs no relay or subscriber.
        MessagingModule.forRoot({ ...config.worker, redisUrl: config.redisUrl, relay: false, processors: false }),
        IdentityModule.forRoot(config),
        CrmModule,
        QuotesHttpModule,
        ApprovalsHttpModule,
        AuditHttpModule,
        AnalyticsHttpModule,
        TasksHttpModule,
        WorkflowsHttpModule,
        // An example extension: a workflow action from its own library (docs/extending.md).
        DiscountFlagModule,
        NotificationsHttpModule.forRoot({ smtpUrl: config.mail.smtpUrl, mailFrom: config.mail.from, appBaseUrl: config.mail.appBaseUrl }),
        HealthModule,
        LiveEventsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        // The approval e-mails' links: checked here, signed by the worker with the same secret.
        { provide: ApprovalLinkSettings, useValue: { secret: config.approvalLinks.secret, appBaseUrl: config.mail.appBaseUrl } satisfies ApprovalLinkSettings },
        // Order matters: the message context wraps the idempotent transaction.
        { provide: APP_INTERCEPTOR, useClass: MessageContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        // Removes Idempotency-Key records older than a day, hourly.
        IdempotencyPurger,
      ],
      exports: [APP_CONFIG, Clock, ApprovalLinkSettings],
    };
  }
}
