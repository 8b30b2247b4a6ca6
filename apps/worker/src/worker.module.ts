import { ApprovalsWorkerModule } from '@qa/approvals-api';
import { ApprovalLinkSettings } from '@qa/approvals-application';
import { AuditWorkerModule } from '@qa/audit-api';
import { AnalyticsWorkerModule } from '@qa/analytics-api';
import { DiscountFlagModule } from '@qa/extensions-discount-flag';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { databaseOptions } from '@qa/platform-database';
import type { AppConfig } from '@qa/shared-config';
import { CrmModule } from '@qa/crm-api';
import { QuotesWorkerModule } from '@qa/quotes-api';
import { TasksWorkerModule } from '@qa/tasks-api';
import { NotificationsWorkerModule } from '@qa/notifications-api';
import { IdentityModule } from '@qa/identity-api';
import { WorkflowsWorkerModule } from '@qa/workflows-api';
import { WebhookSettings } from '@qa/workflows-application';
import { MessagingModule } from '@qa/shared-messaging';
import { RedisModule } from '@qa/shared-redis';
import { LoggerModule } from 'nestjs-pino';
import { Clock, SystemClock } from '@qa/shared-kernel';
import { WorkerHeartbeat } from './worker-heartbeat';

/**
 * The background process: the outbox relay and every context's event subscribers (their worker
 * modules register `@IntegrationEventsHandler` providers here). No HTTP server.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: WorkerModule,
      // Global so that every context's providers can inject the clock.
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        MikroOrmModule.forRoot({ ...databaseOptions(config.database), registerRequestContext: false }),
        RedisModule.forRoot(config.redisUrl),
        MessagingModule.forRoot({ redisUrl: config.redisUrl, ...config.worker }),
        CrmModule,
        QuotesWorkerModule,
        ApprovalsWorkerModule,
        AuditWorkerModule,
        AnalyticsWorkerModule,
        TasksWorkerModule,
        WorkflowsWorkerModule,
        // An example extension: a workflow action from its own library (docs/extending.md).
        DiscountFlagModule,
        NotificationsWorkerModule.forRoot({ smtpUrl: config.mail.smtpUrl, mailFrom: config.mail.from, appBaseUrl: config.mail.appBaseUrl }),
        // Answers FindUsersQuery (e-mail addresses of recipients).
        IdentityModule.forRoot(config),
      ],
      providers: [
        WorkerHeartbeat,
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        // Where webhooks may connect besides public addresses (WEBHOOK_ALLOWED_NETWORKS).
        { provide: WebhookSettings, useValue: { allowedNetworks: config.webhookAllowedNetworks } satisfies WebhookSettings },
        // The approval e-mails' links: signed here (APPROVAL_LINK_SECRET), pointing at APP_BASE_URL.
        { provide: ApprovalLinkSettings, useValue: { secret: config.approvalLinks.secret, appBaseUrl: config.mail.appBaseUrl } satisfies ApprovalLinkSettings },
      ],
      exports: [Clock, WebhookSettings, ApprovalLinkSettings],
    };
  }
}
