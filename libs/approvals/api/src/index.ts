// @qa/approvals-api: approval settings, the approval page and decisions; the approvals modules.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApprovalRequestRepository, approvalsProviders, ApprovalSettingsRepository } from '@qa/approvals-application';
import { MikroOrmApprovalRequestRepository, MikroOrmApprovalSettingsRepository } from '@qa/approvals-infrastructure';
import { OpenApprovalRoundWhenQuoteSubmittedHandler } from './approval-rounds.handlers';
import { ApprovalsController } from './approvals.controller';

const providers = [
  ...approvalsProviders,
  { provide: ApprovalSettingsRepository, useClass: MikroOrmApprovalSettingsRepository },
  { provide: ApprovalRequestRepository, useClass: MikroOrmApprovalRequestRepository },
];

@Module({ imports: [CqrsModule], controllers: [ApprovalsController], providers })
export class ApprovalsHttpModule {}

@Module({ imports: [CqrsModule], providers: [...providers, OpenApprovalRoundWhenQuoteSubmittedHandler] })
export class ApprovalsWorkerModule {}
