import { Injectable } from '@nestjs/common';
import { DomainError, type Caller } from '@qa/shared-kernel';
import { WorkflowDefinition, WorkflowErrors, type WorkflowSpec } from '@qa/workflows-domain';
import { ActionRegistry } from './action-registry';
import { PropertyStore, RunRepository, WorkflowRepository } from './ports';
import { WorkflowEngine } from './workflow-engine';

/** What the API does with workflows: definitions (admins edit), runs, retries, record properties. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
    private readonly properties: PropertyStore,
    private readonly actions: ActionRegistry,
    private readonly engine: WorkflowEngine,
  ) {}

  async list() {
    const workflows = await this.workflows.list();
    const counts = await this.runs.countRuns(workflows.map((w) => w.id));
    return workflows.map((workflow) => ({ workflow, runs: counts[workflow.id] ?? 0 }));
  }

  async get(id: string): Promise<WorkflowDefinition> {
    const workflow = await this.workflows.findById(id);
    if (!workflow) throw WorkflowErrors.notFound(id);
    return workflow;
  }

  async create(spec: WorkflowSpec): Promise<WorkflowDefinition> {
    const workflow = WorkflowDefinition.create(spec, this.actions.keys());
    await this.workflows.save(workflow);
    return workflow;
  }

  async update(id: string, expectedVersion: number, spec: WorkflowSpec): Promise<WorkflowDefinition> {
    const workflow = await this.get(id);
    workflow.checkVersion(expectedVersion);
    workflow.update(spec, this.actions.keys());
    await this.workflows.save(workflow);
    return workflow;
  }

  async runsOf(workflowId: string, limit = 50) {
    await this.get(workflowId);
    return this.runs.listRuns(workflowId, limit);
  }

  async run(runId: string) {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    return found;
  }

  retry(runId: string): Promise<void> {
    return this.engine.retryRun(runId);
  }

  describeActions() {
    return this.actions.describe();
  }

  /** A record's properties and their history: reps only for their own records. */
  async recordProperties(caller: Caller, recordType: string, recordId: string) {
    const snapshot = await this.properties.snapshot(recordType, recordId);
    if (caller.role === 'rep' && snapshot['ownerId'] !== caller.userId) throw new DomainError('WORKFLOWS.RECORD_NOT_FOUND', `No ${recordType} ${recordId}`, 'not-found');
    return { properties: await this.properties.properties(recordType, recordId), history: await this.properties.history(recordType, recordId) };
  }
}
