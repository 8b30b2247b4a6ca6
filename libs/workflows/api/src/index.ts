// @qa/workflows-api: the workflows endpoints, the engine's subscriber and step worker, the modules.
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository, workflowsApplicationProviders } from '@qa/workflows-application';
import { MikroOrmPropertyStore, MikroOrmRunRepository, MikroOrmWorkflowRepository } from '@qa/workflows-infrastructure';
import { EnrolRecordsWhenEventHandler } from './enrol-records.handler';
import { BullStepScheduler, WorkflowStepWorker } from './workflow-steps.queue';
import { WorkflowsController } from './workflows.controller';

export * from './workflow-steps.queue';

const providers = [
  ...workflowsApplicationProviders,
  { provide: WorkflowRepository, useClass: MikroOrmWorkflowRepository },
  { provide: RunRepository, useClass: MikroOrmRunRepository },
  { provide: PropertyStore, useClass: MikroOrmPropertyStore },
  { provide: StepScheduler, useClass: BullStepScheduler },
];

/** Workflows over HTTP: definitions, runs, retries, record properties. Needs MessagingModule (queue settings). */
@Module({ imports: [CqrsModule, DiscoveryModule], controllers: [WorkflowsController], providers })
export class WorkflowsHttpModule {}

/** The engine in the worker: enrolment on events, and the step queue. */
@Module({ imports: [CqrsModule, DiscoveryModule], providers: [...providers, EnrolRecordsWhenEventHandler, WorkflowStepWorker] })
export class WorkflowsWorkerModule {}
