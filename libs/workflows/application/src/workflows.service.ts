import { Injectable } from '@nestjs/common';
import { DomainError, type Caller } from '@qa/shared-kernel';
import { WorkflowDefinition, WorkflowErrors, type WorkflowSpec } from '@qa/workflows-domain';
import { ActionRegistry } from './action-registry';
import { assignWebhookSecrets, WEBHOOK_ACTION_KEY, type IssuedSecret } from './actions/webhook-secrets';
import { PropertyStore, RunRepository, WorkflowRepository } from './ports';
import { QUOTE_APPROVAL_WORKFLOWS, QUOTE_APPROVALS_SET_KEY } from './quote-approval-workflows';
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

  /** One workflow with its number of runs. */
  async getWithRuns(id: string): Promise<{ workflow: WorkflowDefinition; runs: number }> {
    const workflow = await this.get(id);
    return { workflow, runs: (await this.runs.countRuns([id]))[id] ?? 0 };
  }

  async create(spec: WorkflowSpec): Promise<WorkflowDefinition> {
    return (await this.createWithSecrets(spec)).workflow;
  }

  /** Creates a workflow; its webhook actions get signing secrets, returned here only. */
  async createWithSecrets(spec: WorkflowSpec): Promise<{ workflow: WorkflowDefinition; issuedSecrets: IssuedSecret[] }> {
    this.actions.checkParams(spec.actions);
    const { actions, issued } = assignWebhookSecrets(spec.actions, []);
    const workflow = WorkflowDefinition.create({ ...spec, actions }, this.actions.keys());
    await this.workflows.save(workflow);
    return { workflow, issuedSecrets: issued };
  }

  async update(id: string, expectedVersion: number, spec: WorkflowSpec): Promise<WorkflowDefinition> {
    return (await this.updateWithSecrets(id, expectedVersion, spec)).workflow;
  }

  /** Updates a workflow; webhook actions keep their secret (by `secretId`), new ones get one, returned here only. */
  async updateWithSecrets(id: string, expectedVersion: number, spec: WorkflowSpec): Promise<{ workflow: WorkflowDefinition; issuedSecrets: IssuedSecret[] }> {
    const workflow = await this.get(id);
    workflow.checkVersion(expectedVersion);
    this.actions.checkParams(spec.actions);
    const { actions, issued } = assignWebhookSecrets(spec.actions, workflow.actions);
    workflow.update({ ...spec, actions }, this.actions.keys());
    await this.workflows.save(workflow);
    return { workflow, issuedSecrets: issued };
  }

  /** Replaces the signing secret `secretId` of a workflow's webhook actions with a new one, returned here only. */
  async rotateWebhookSecret(id: string, secretId: string, expectedVersion?: number): Promise<{ workflow: WorkflowDefinition; issuedSecrets: IssuedSecret[] }> {
    const workflow = await this.get(id);
    workflow.checkVersion(expectedVersion);
    if (!workflow.actions.some((a) => a.key === WEBHOOK_ACTION_KEY && a.params?.['secretId'] === secretId)) throw WorkflowErrors.secretNotFound(id, secretId);
    const { actions, issued } = assignWebhookSecrets(workflow.actions, workflow.actions, new Set([secretId]));
    workflow.update({ ...workflow, actions }, this.actions.keys());
    await this.workflows.save(workflow);
    return { workflow, issuedSecrets: issued };
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

  /**
   * Approval on: the quote-approvals-v1 workflows exist and are enabled (created when missing,
   * re-enabled with the admin's changes kept). Off: they are disabled. Never duplicated.
   */
  async applyApprovalWorkflows(active: boolean): Promise<void> {
    const installed = (await this.workflows.list()).filter((w) => w.setKey === QUOTE_APPROVALS_SET_KEY);
    for (const template of QUOTE_APPROVAL_WORKFLOWS) {
      const existing = installed.find((w) => w.name === template.name);
      if (existing) {
        if (existing.enabled !== active) {
          existing.update({ ...existing, enabled: active }, this.actions.keys());
          await this.workflows.save(existing);
        }
      } else if (active) {
        await this.workflows.save(WorkflowDefinition.create(template, this.actions.keys()));
      }
    }
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
