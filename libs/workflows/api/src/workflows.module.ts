import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository, workflowsApplicationProviders, workflowsReactions, WorkflowVersionRepository } from '@qa/workflows-application';
import { MikroOrmPropertyStore, MikroOrmRunRepository, MikroOrmWorkflowRepository, MikroOrmWorkflowVersions } from '@qa/workflows-infrastructure';
import { BullStepScheduler, WorkflowStepWorker } from './workflow-steps.queue';
import { WorkflowsController } from './workflows.controller';
import { WorkflowVersionsController } from './workflow-versions.controller';

const providers = [
  ...workflowsApplicationProviders,
  { provide: WorkflowRepository, useClass: MikroOrmWorkflowRepository },
  // Workflows' versions (written by the workflow repository's save).
  { provide: WorkflowVersionRepository, useClass: MikroOrmWorkflowVersions },
  { provide: RunRepository, useClass: MikroOrmRunRepository },
  { provide: PropertyStore, useClass: MikroOrmPropertyStore },
  { provide: StepScheduler, useClass: BullStepScheduler },
];

/** What action providers in other libraries may inject (global, so an extension module needs no import). */
const exported = [PropertyStore, RunRepository];

/** Workflows over HTTP: definitions, runs, retries, record properties. Needs MessagingModule (queue settings). */
@Global()
@Module({ imports: [CqrsModule, DiscoveryModule], controllers: [WorkflowsController, WorkflowVersionsController], providers, exports: exported })
export class WorkflowsHttpModule {}

/** The engine in the worker: the reactions (enrolment on events, the quote approval set) and the step queue. */
@Global()
@Module({ imports: [CqrsModule, DiscoveryModule], providers: [...providers, ...workflowsReactions, WorkflowStepWorker], exports: exported })
export class WorkflowsWorkerModule {}
