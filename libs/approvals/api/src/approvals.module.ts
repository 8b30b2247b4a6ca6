import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingSettings } from '@qa/shared-messaging';
import { REDIS, RedisThrottlerStorage } from '@qa/shared-redis';
import type { Redis } from 'ioredis';
import { ApprovalHistoryReader, PolicyDryRunQueue, PolicyDryRunRepository, PolicyDryRunSettings } from '@qa/approvals-application';
import { ApprovalLinkUses, ApprovalRequestRepository, approvalsHandlers, approvalsReactions, ApprovalSettingsRepository, ApprovalTimerRepository, ApprovalTimerScheduler, DelegationRepository, PolicyVersionRepository } from '@qa/approvals-application';
import { MikroOrmApprovalHistory, MikroOrmPolicyDryRuns } from '@qa/approvals-infrastructure';
import { MikroOrmApprovalLinkUses, MikroOrmApprovalRequestRepository, MikroOrmApprovalSettingsRepository, MikroOrmApprovalTimerRepository, MikroOrmDelegationRepository, MikroOrmPolicyVersions } from '@qa/approvals-infrastructure';
import { ApprovalTimerWorker, BullApprovalTimerScheduler } from './approval-timers.queue';
import { ApprovalsController } from './approvals.controller';
import { ApprovalDelegationsController } from './approval-delegations.controller';
import { APPROVAL_LINK_LIMITS, ApprovalLinkThrottlerGuard } from './approval-link-throttling';
import { ApprovalLinksController } from './approval-links.controller';
import { PolicyVersionsController } from './policy-versions.controller';
import { BullPolicyDryRunQueue, dryRunSettingsFromEnv, PolicyDryRunWorker } from './policy-dry-runs.queue';
import { PolicyDryRunsController } from './policy-dry-runs.controller';

const providers = [
  ...approvalsHandlers,
  { provide: ApprovalSettingsRepository, useClass: MikroOrmApprovalSettingsRepository },
  // The policy's versions (written by the settings repository's save).
  { provide: PolicyVersionRepository, useClass: MikroOrmPolicyVersions },
  { provide: ApprovalRequestRepository, useClass: MikroOrmApprovalRequestRepository },
  // Approvers' out-of-office delegations.
  { provide: DelegationRepository, useClass: MikroOrmDelegationRepository },
  // The links of approval e-mails: which were used (ApprovalLinkSettings, their secret and base URL, come from the app's root module).
  { provide: ApprovalLinkUses, useClass: MikroOrmApprovalLinkUses },
  { provide: ApprovalTimerRepository, useClass: MikroOrmApprovalTimerRepository },
  { provide: ApprovalTimerScheduler, useClass: BullApprovalTimerScheduler },
  // Dry runs of a draft policy: queued by the API, run page by page in the worker.
  { provide: PolicyDryRunRepository, useClass: MikroOrmPolicyDryRuns },
  { provide: ApprovalHistoryReader, useClass: MikroOrmApprovalHistory },
  { provide: PolicyDryRunQueue, useClass: BullPolicyDryRunQueue },
  { provide: PolicyDryRunSettings, useFactory: () => dryRunSettingsFromEnv() },
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
  controllers: [ApprovalsController, ApprovalLinksController, ApprovalDelegationsController, PolicyVersionsController, PolicyDryRunsController],
  providers: [...providers, ApprovalLinkThrottlerGuard],
})
export class ApprovalsHttpModule {}

/** In the worker: the rounds opened and closed as quotes move, their step timers, and the queries other contexts ask. */
@Module({ imports: [CqrsModule], providers: [...providers, ...approvalsReactions, ApprovalTimerWorker, PolicyDryRunWorker] })
export class ApprovalsWorkerModule {}
