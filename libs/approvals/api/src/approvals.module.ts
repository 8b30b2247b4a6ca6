import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApprovalRequestRepository, approvalsHandlers, approvalsReactions, ApprovalSettingsRepository } from '@qa/approvals-application';
import { MikroOrmApprovalRequestRepository, MikroOrmApprovalSettingsRepository } from '@qa/approvals-infrastructure';
import { ApprovalsController } from './approvals.controller';

const providers = [
  ...approvalsHandlers,
  { provide: ApprovalSettingsRepository, useClass: MikroOrmApprovalSettingsRepository },
  { provide: ApprovalRequestRepository, useClass: MikroOrmApprovalRequestRepository },
];

/** Approval settings, the approval page and decisions over HTTP. */
@Module({ imports: [CqrsModule], controllers: [ApprovalsController], providers })
export class ApprovalsHttpModule {}

/** In the worker: the rounds opened and closed as quotes move, and the queries other contexts ask. */
@Module({ imports: [CqrsModule], providers: [...providers, ...approvalsReactions] })
export class ApprovalsWorkerModule {}
