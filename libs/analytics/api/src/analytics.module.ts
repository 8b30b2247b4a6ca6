import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { analyticsHandlers, analyticsReactions, ApprovalAnalyticsReader, ApprovalRoundSource } from '@qa/analytics-application';
import { ApprovalFactsStore } from '@qa/analytics-domain';
import { MikroOrmApprovalFactsStore, SqlApprovalAnalyticsReader, SqlApprovalRoundSource } from '@qa/analytics-infrastructure';
import { AnalyticsController } from './analytics.controller';

const providers = [
  ...analyticsHandlers,
  { provide: ApprovalFactsStore, useClass: MikroOrmApprovalFactsStore },
  { provide: ApprovalRoundSource, useClass: SqlApprovalRoundSource },
  { provide: ApprovalAnalyticsReader, useClass: SqlApprovalAnalyticsReader },
];

/** The approval analytics over HTTP (managers and admins), and the rebuild command. */
@Module({ imports: [CqrsModule], controllers: [AnalyticsController], providers })
export class AnalyticsHttpModule {}

/** Keeps the analytics facts up to date from the approval events, in the worker. */
@Module({ imports: [CqrsModule], providers: [...providers, ...analyticsReactions] })
export class AnalyticsWorkerModule {}
