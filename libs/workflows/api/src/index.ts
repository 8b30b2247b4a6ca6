// @qa/workflows-api: the workflows endpoints, the engine's subscriber and step worker, the modules.
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository, workflowsApplicationProviders } from '@qa/workflows-application';
import { MikroOrmPropertyStore, MikroOrmRunRepository, MikroOrmWorkflowRepository } from '@qa/workflows-infrastructure';
import { EnrolRecordsWhenEventHandler, InstallApprovalWorkflowsWhenSettingsChangedHandler } from './enrol-records.handler';
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

/** What action providers in other libraries may inject (global, so an extension module needs no import). */
const exported = [PropertyStore, RunRepository];

/** Workflows over HTTP: definitions, runs, retries, record properties. Needs MessagingModule (queue settings). */
@Global()
@Module({ imports: [CqrsModule, DiscoveryModule], controllers: [WorkflowsController], providers, exports: exported })
export class WorkflowsHttpModule {}

/** The engine in the worker: enrolment on events, and the step queue. */
@Global()
@Module({ imports: [CqrsModule, DiscoveryModule], providers: [...providers, EnrolRecordsWhenEventHandler, InstallApprovalWorkflowsWhenSettingsChangedHandler, WorkflowStepWorker], exports: exported })
export class WorkflowsWorkerModule {}
