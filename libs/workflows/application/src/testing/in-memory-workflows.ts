// In-memory adapters for the workflows use cases' specs: the rules without I/O (the MikroORM
// adapters and the step queue have integration tests).
import type { PropertyValue } from '@qa/workflows-contracts';
import { RecordProperty, WorkflowDefinition, type RecordPropertyChange, type WorkflowRun, type WorkflowRunStep, type WorkflowSpec, type WorkflowVersion } from '@qa/workflows-domain';
import type { RecordedEvent } from '@qa/shared-kernel';
import { ActionRegistry } from '../actions/action-registry';
import type { ActionResult, WorkflowAction } from '../actions/workflow-action';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository, WorkflowVersionRepository, type OverdueStep, type RunWithSteps } from '../ports/workflows.ports';

export class MemoryWorkflows extends WorkflowRepository {
  workflows = new Map<string, WorkflowDefinition>();
  saves = 0;
  async findById(id: string) { return this.workflows.get(id) ?? null; }
  async list() { return [...this.workflows.values()]; }
  async listEnabled(objectType: string) { return [...this.workflows.values()].filter((w) => w.enabled && w.objectType === objectType); }
  /** The versions the saves wrote, oldest first. */
  readonly versions: WorkflowVersion[] = [];
  async save(workflow: WorkflowDefinition, version?: WorkflowVersion) {
    this.saves += 1;
    workflow.version = (workflow.version ?? 0) + 1;
    this.workflows.set(workflow.id, workflow);
    if (version) this.versions.push(Object.assign(version, { version: workflow.version }));
  }
}

/** The versions MemoryWorkflows wrote, read as the version repository reads them. */
export class MemoryWorkflowVersions extends WorkflowVersionRepository {
  constructor(private readonly workflows: MemoryWorkflows) {
    super();
  }
  async list(workflowId: string, before: number | null, limit: number) {
    return [...this.workflows.versions].reverse().filter((v) => v.workflowId === workflowId && (before === null || v.version < before)).slice(0, limit);
  }
  async get(workflowId: string, version: number) { return this.workflows.versions.find((v) => v.workflowId === workflowId && v.version === version) ?? null; }
}

export class MemoryRuns extends RunRepository {
  runs = new Map<string, WorkflowRun>();
  steps = new Map<string, WorkflowRunStep>();
  overdue: OverdueStep[] = [];
  overdueAsked: Array<{ dueBefore: Date; limit: number }> = [];
  async findRun(id: string): Promise<RunWithSteps | null> {
    const run = this.runs.get(id);
    return run ? { run, steps: this.stepsOf(id) } : null;
  }
  async listRuns(workflowId: string, limit: number) {
    const runs = [...this.runs.values()].filter((r) => r.workflowId === workflowId).reverse().slice(0, limit);
    return runs.map((run) => ({ run, steps: this.stepsOf(run.id) }));
  }
  async countRuns(workflowIds: string[]) {
    const counts: Record<string, number> = {};
    for (const run of this.runs.values()) if (workflowIds.includes(run.workflowId)) counts[run.workflowId] = (counts[run.workflowId] ?? 0) + 1;
    return counts;
  }
  async hasEnrolment(workflowId: string, recordType: string, recordId: string) {
    return [...this.runs.values()].some((r) => r.workflowId === workflowId && r.recordType === recordType && r.recordId === recordId);
  }
  async hasRunForEvent(workflowId: string, eventId: string) { return [...this.runs.values()].some((r) => r.workflowId === workflowId && r.triggerEventId === eventId); }
  async saveRun(run: WorkflowRun, steps: WorkflowRunStep[]) {
    this.runs.set(run.id, run);
    for (const step of steps) this.steps.set(step.id, step);
  }
  async saveStep(step: WorkflowRunStep) { this.steps.set(step.id, step); }
  async findStep(runId: string, index: number) { return this.stepsOf(runId).find((s) => s.index === index) ?? null; }
  async findOverdueSteps(dueBefore: Date, limit: number) {
    this.overdueAsked.push({ dueBefore, limit });
    return this.overdue.slice(0, limit);
  }
  /** As the SQL does: a going run of the record from an earlier event, not waiting out a wait. */
  async hasEarlierActiveRun(run: WorkflowRun, now: Date) {
    return [...this.runs.values()].some(
      (r) => r.recordType === run.recordType && r.recordId === run.recordId && r.isGoing() && r.triggerEventId < run.triggerEventId && !this.stepsOf(r.id).some((s) => s.resumeAt && s.resumeAt > now),
    );
  }
  private stepsOf(runId: string) {
    return [...this.steps.values()].filter((s) => s.runId === runId).sort((a, b) => a.index - b.index);
  }
}

export class MemoryProperties extends PropertyStore {
  records = new Map<string, Record<string, unknown>>();
  values = new Map<string, RecordProperty>();
  changes: RecordPropertyChange[] = [];
  /** What the unit of work would write to the outbox. */
  events: RecordedEvent[] = [];
  now = new Date('2026-12-02T12:00:00Z');
  async snapshot(recordType: string, recordId: string) {
    const properties = await this.properties(recordType, recordId);
    return { ...(this.records.get(`${recordType}/${recordId}`) ?? {}), ...Object.fromEntries(properties.map((p) => [p.name, p.value])), recordType, recordId };
  }
  async rememberRecord(recordType: string, recordId: string, fields: Record<string, unknown>) {
    this.records.set(`${recordType}/${recordId}`, { ...(this.records.get(`${recordType}/${recordId}`) ?? {}), ...fields });
  }
  async properties(recordType: string, recordId: string) {
    return [...this.values.values()].filter((p) => p.recordType === recordType && p.recordId === recordId).sort((a, b) => a.name.localeCompare(b.name));
  }
  async history(recordType: string, recordId: string) { return this.changes.filter((c) => c.recordType === recordType && c.recordId === recordId).reverse(); }
  async set(recordType: string, recordId: string, name: string, value: PropertyValue, by: string | null, runId: string | null) {
    const key = `${recordType}/${recordId}/${name}`;
    const changesSoFar = this.changes.filter((c) => c.recordType === recordType && c.recordId === recordId).length;
    const ownerId = (this.records.get(`${recordType}/${recordId}`)?.['ownerId'] as string) ?? null;
    const changed = RecordProperty.set({ recordType, recordId, name }, this.values.get(key) ?? null, value, { by, runId, ownerId, changesSoFar, now: this.now });
    if (!changed) return false;
    this.values.set(key, changed.property);
    this.changes.push(changed.change);
    this.events.push(...changed.property.pullEvents());
    return true;
  }
}

export class RecordingScheduler extends StepScheduler {
  scheduled: Array<{ runId: string; index: number; options?: { at?: Date; jobSuffix?: string } }> = [];
  async schedule(runId: string, index: number, options?: { at?: Date; jobSuffix?: string }) {
    this.scheduled.push(options ? { runId, index, options } : { runId, index });
  }
  async requeueOverdue() { return 'queued' as const; }
}

/** An action for specs: answers `result` (or throws `fails`), remembering each call. */
export function fakeAction(key: string, result: ActionResult = {}, fails?: Error): WorkflowAction & { calls: Array<{ params: Record<string, unknown>; sourceKey: string; rendered: string }> } {
  const calls: Array<{ params: Record<string, unknown>; sourceKey: string; rendered: string }> = [];
  return {
    calls,
    description: { key, label: key, description: key, params: [{ name: 'title', label: 'Title', type: 'template', required: false }] },
    async execute(params, ctx) {
      calls.push({ params, sourceKey: ctx.sourceKey, rendered: ctx.render(params['title']) });
      if (fails) throw fails;
      return result;
    },
  };
}

/** A registry holding these actions (start-up would find the providers). */
export function registryOf(...actions: WorkflowAction[]): ActionRegistry {
  const registry = new ActionRegistry(null as never, null as never);
  for (const action of actions) registry.register(action);
  return registry;
}

export function quoteWorkflow(overrides: Partial<WorkflowSpec> = {}, knownActions: string[] = ['create_task', 'set_property', 'wait']): WorkflowDefinition {
  return WorkflowDefinition.create(
    {
      name: 'When quotes need approval',
      enabled: true,
      objectType: 'quote',
      trigger: { type: 'status_becomes', status: 'pending_approval' },
      conditions: [],
      reenrollment: 'always',
      actions: [{ key: 'create_task', params: { title: 'Review {{record.number}}' } }],
      setKey: null,
      ...overrides,
    },
    knownActions,
  );
}
