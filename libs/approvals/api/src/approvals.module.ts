import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingSettings } from '@qa/shared-messaging';
import { REDIS, RedisThrottlerStorage } from '@qa/shared-redis';
import type { Redis } from 'ioredis';
import { ApprovalLinkUses, ApprovalRequestRepository, approvalsHandlers, approvalsReactions, ApprovalSettingsRepository, ApprovalTimerRepository, ApprovalTimerScheduler, DelegationRepository } from '@qa/approvals-application';
import { MikroOrmApprovalLinkUses, MikroOrmApprovalRequestRepository, MikroOrmApprovalSettingsRepository, MikroOrmApprovalTimerRepository, MikroOrmDelegationRepository } from '@qa/approvals-infrastructure';
import { ApprovalTimerWorker, BullApprovalTimerScheduler } from './approval-timers.queue';
import { ApprovalsController } from './approvals.controller';
import { ApprovalDelegationsController } from './approval-delegations.controller';
import { APPROVAL_LINK_LIMITS, ApprovalLinkThrottlerGuard } from './approval-link-throttling';
import { ApprovalLinksController } from './approval-links.controller';

const providers = [
  ...approvalsHandlers,
  { provide: ApprovalSettingsRepository, useClass: MikroOrmApprovalSettingsRepository },
  { provide: ApprovalRequestRepository, useClass: MikroOrmApprovalRequestRepository },
  // Approvers' out-of-office delegations.
  { provide: DelegationRepository, useClass: MikroOrmDelegationRepository },
  // The links of approval e-mails: which were used (ApprovalLinkSettings, their secret and base URL, come from the app's root module).
  { provide: ApprovalLinkUses, useClass: MikroOrmApprovalLinkUses },
  { provide: ApprovalTimerRepository, useClass: MikroOrmApprovalTimerRepository },
  { provide: ApprovalTimerScheduler, useClass: BullApprovalTimerScheduler },
];

/** Approval settings, the approval page and decisions over HTTP; the approval e-mails' links. */
@Module({
  imports: [
    CqrsModule,
    // Rate limits of the approval links' endpoints, per user, counted in Redis (ApprovalLinkThrottlerGuard).
    ThrottlerModule.forRootAsync({
      inject: [REDIS, MessagingSettings],
      useFactory: (redis: Redis, settings: MessagingSettings) => ({ throttlers: [{ name: 'default', ...APPROVAL_LINK_LIMITS.look }], storage: new RedisThrottlerStorage(redis, settings.queuePrefix) }),
    }),
  ],
  controllers: [ApprovalsController, ApprovalLinksController, ApprovalDelegationsController],
  providers: [...providers, ApprovalLinkThrottlerGuard],
})
export class ApprovalsHttpModule {}

/** In the worker: the rounds opened and closed as quotes move, their step timers, and the queries other contexts ask. */
@Module({ imports: [CqrsModule], providers: [...providers, ...approvalsReactions, ApprovalTimerWorker] })
export class ApprovalsWorkerModule {}
