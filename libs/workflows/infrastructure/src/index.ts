// @qa/workflows-infrastructure: MikroORM mappings and repositories of workflows, runs and record
// properties.
import { EntityManager, EntitySchema } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { currentMessageContext, OutboxMessage } from '@qa/shared-messaging';
import { uuidv7 } from '@qa/shared-kernel';
import { PropertyStore, RunRepository, WorkflowRepository, type OverdueStep, type RunWithSteps } from '@qa/workflows-application';
import { PropertyChanged, type PropertyValue } from '@qa/workflows-contracts';
import { RecordProperty, RecordPropertyChange, WorkflowDefinition, WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';

/** The latest facts the workflows context has about a record (from its events). */
export class RecordSnapshot {
  recordType!: string;
  recordId!: string;
  fields!: Record<string, unknown>;
  updatedAt!: Date;
}

export const WorkflowDefinitionSchema = new EntitySchema<WorkflowDefinition>({
  class: WorkflowDefinition,
  tableName: 'workflows_workflow',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    name: { type: 'string', length: 200 },
    enabled: { type: 'boolean' },
    objectType: { type: 'string', length: 40, index: 'workflows_workflow_object_type_index' },
    trigger: { type: 'json' },
    conditions: { type: 'json' },
    reenrollment: { type: 'string', length: 10 },
    actions: { type: 'json' },
    setKey: { type: 'string', length: 100, nullable: true, index: 'workflows_workflow_set_key_index' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const WorkflowRunSchema = new EntitySchema<WorkflowRun>({
  class: WorkflowRun,
  tableName: 'workflows_run',
  uniques: [{ name: 'workflows_run_workflow_event_unique', properties: ['workflowId', 'triggerEventId'] }],
  indexes: [
    { name: 'workflows_run_workflow_index', properties: ['workflowId', 'createdAt'] },
    { name: 'workflows_run_record_index', properties: ['workflowId', 'recordType', 'recordId'] },
    // A step's check for an earlier unfinished run of its record (run order per record).
    { name: 'workflows_run_record_status_index', properties: ['recordType', 'recordId', 'status'] },
    // The overdue-step sweep reads running runs only.
    { name: 'workflows_run_status_created_index', properties: ['status', 'createdAt'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    workflowId: { type: 'string', length: 36 },
    workflowName: { type: 'string', length: 200 },
    recordType: { type: 'string', length: 40 },
    recordId: { type: 'string', length: 100 },
    triggerEventId: { type: 'string', length: 36 },
    context: { type: 'json' },
    status: { type: 'string', length: 12 },
    createdAt: { type: 'datetime' },
    finishedAt: { type: 'datetime', nullable: true },
  },
});

export const WorkflowRunStepSchema = new EntitySchema<WorkflowRunStep>({
  class: WorkflowRunStep,
  tableName: 'workflows_run_step',
  uniques: [{ name: 'workflows_run_step_run_index_unique', properties: ['runId', 'index'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    runId: { type: 'string', length: 36 },
    index: { type: 'integer' },
    actionKey: { type: 'string', length: 60 },
    params: { type: 'json' },
    status: { type: 'string', length: 12 },
    attempts: { type: 'integer' },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    resumeAt: { type: 'datetime', nullable: true },
    error: { type: 'text', nullable: true },
    output: { type: 'json', nullable: true },
  },
});

export const RecordPropertySchema = new EntitySchema<RecordProperty>({
  class: RecordProperty,
  tableName: 'workflows_record_property',
  properties: {
    recordType: { type: 'string', primary: true, length: 40 },
    recordId: { type: 'string', primary: true, length: 100 },
    name: { type: 'string', primary: true, length: 60 },
    value: { type: 'json', nullable: true },
    updatedAt: { type: 'datetime' },
    updatedBy: { type: 'string', length: 100, nullable: true },
  },
});

export const RecordPropertyChangeSchema = new EntitySchema<RecordPropertyChange>({
  class: RecordPropertyChange,
  tableName: 'workflows_record_property_change',
  indexes: [{ name: 'workflows_property_change_record_index', properties: ['recordType', 'recordId', 'changedAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    recordType: { type: 'string', length: 40 },
    recordId: { type: 'string', length: 100 },
    name: { type: 'string', length: 60 },
    value: { type: 'json', nullable: true },
    previousValue: { type: 'json', nullable: true },
    changedAt: { type: 'datetime' },
    changedBy: { type: 'string', length: 100, nullable: true },
  },
});

export const RecordSnapshotSchema = new EntitySchema<RecordSnapshot>({
  class: RecordSnapshot,
  tableName: 'workflows_record_snapshot',
  properties: {
    recordType: { type: 'string', primary: true, length: 40 },
    recordId: { type: 'string', primary: true, length: 100 },
    fields: { type: 'json' },
    updatedAt: { type: 'datetime' },
  },
});

export const workflowsEntities = [WorkflowDefinitionSchema, WorkflowRunSchema, WorkflowRunStepSchema, RecordPropertySchema, RecordPropertyChangeSchema, RecordSnapshotSchema];

@Injectable()
export class MikroOrmWorkflowRepository extends WorkflowRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(WorkflowDefinition, { id });
  }
  list() {
    return this.em.find(WorkflowDefinition, {}, { orderBy: { createdAt: 'asc' } });
  }
  listEnabled(objectType: string) {
    return this.em.find(WorkflowDefinition, { objectType, enabled: true }, { orderBy: { createdAt: 'asc' } });
  }
  async save(workflow: WorkflowDefinition) {
    await this.em.persistAndFlush(workflow);
  }
}

@Injectable()
export class MikroOrmRunRepository extends RunRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  async findRun(id: string): Promise<RunWithSteps | null> {
    const run = await this.em.findOne(WorkflowRun, { id });
    if (!run) return null;
    return { run, steps: await this.em.find(WorkflowRunStep, { runId: id }, { orderBy: { index: 'asc' } }) };
  }
  async listRuns(workflowId: string, limit: number): Promise<RunWithSteps[]> {
    const runs = await this.em.find(WorkflowRun, { workflowId }, { orderBy: { createdAt: 'desc' }, limit });
    const steps = runs.length ? await this.em.find(WorkflowRunStep, { runId: { $in: runs.map((r) => r.id) } }, { orderBy: { index: 'asc' } }) : [];
    return runs.map((run) => ({ run, steps: steps.filter((s) => s.runId === run.id) }));
  }
  async countRuns(workflowIds: string[]): Promise<Record<string, number>> {
    if (!workflowIds.length) return {};
    const rows: Array<{ workflow_id: string; n: number | string }> = await this.em
      .getConnection()
      .execute(`select workflow_id, count(*) as n from workflows_run where workflow_id in (${workflowIds.map(() => '?').join(',')}) group by workflow_id`, workflowIds, 'all', this.em.getTransactionContext());
    return Object.fromEntries(rows.map((r) => [r.workflow_id, Number(r.n)]));
  }
  async hasEnrolment(workflowId: string, recordType: string, recordId: string) {
    return (await this.em.count(WorkflowRun, { workflowId, recordType, recordId })) > 0;
  }
  async hasRunForEvent(workflowId: string, triggerEventId: string) {
    return (await this.em.count(WorkflowRun, { workflowId, triggerEventId })) > 0;
  }
  async saveRun(run: WorkflowRun, steps: WorkflowRunStep[]) {
    this.em.persist(run);
    for (const step of steps) this.em.persist(step);
    await this.em.flush();
  }
  async saveStep(step: WorkflowRunStep) {
    await this.em.persistAndFlush(step);
  }
  findStep(runId: string, index: number) {
    return this.em.findOne(WorkflowRunStep, { runId, index });
  }
  async hasEarlierActiveRun(run: WorkflowRun, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.em.getConnection().execute(
      `select 1 from workflows_run r
        where r.record_type = ? and r.record_id = ? and r.status = 'running' and r.trigger_event_id < ?
          and not exists (select 1 from workflows_run_step s where s.run_id = r.id and s.resume_at > ?)
        limit 1`,
      [run.recordType, run.recordId, run.triggerEventId, this.em.getPlatform().processDateProperty(now)],
      'all',
      this.em.getTransactionContext(),
    );
    return rows.length > 0;
  }
  async findOverdueSteps(dueBefore: Date, limit: number): Promise<OverdueStep[]> {
    const cutoff = this.em.getPlatform().processDateProperty(dueBefore);
    const rows: Array<{ run_id: string; index: number; attempts: number }> = await this.em.getConnection().execute(
      `select s.run_id, s."index", s.attempts from workflows_run r
         join workflows_run_step s on s.run_id = r.id and s.status in ('pending', 'running')
         left join workflows_run_step p on p.run_id = s.run_id and p."index" = s."index" - 1
        where r.status = 'running'
          and ((s.attempts = 0 and ((s."index" = 0 and r.created_at < ?) or (p.status = 'succeeded' and coalesce(p.resume_at, p.finished_at) < ?)))
            or (s.attempts > 0 and s.started_at < ?))
        order by r.created_at
        limit ?`,
      [cutoff, cutoff, cutoff, limit],
      'all',
      this.em.getTransactionContext(),
    );
    return rows.map((r) => ({ runId: r.run_id, index: Number(r.index), retried: Number(r.attempts) > 0 }));
  }
}

@Injectable()
export class MikroOrmPropertyStore extends PropertyStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async snapshot(recordType: string, recordId: string): Promise<Record<string, unknown>> {
    const [snapshot, properties] = await Promise.all([this.em.findOne(RecordSnapshot, { recordType, recordId }), this.properties(recordType, recordId)]);
    return { ...(snapshot?.fields ?? {}), ...Object.fromEntries(properties.map((p) => [p.name, p.value])), recordType, recordId };
  }

  async rememberRecord(recordType: string, recordId: string, fields: Record<string, unknown>): Promise<void> {
    const existing = await this.em.findOne(RecordSnapshot, { recordType, recordId });
    if (existing) {
      existing.fields = { ...existing.fields, ...fields };
      existing.updatedAt = new Date();
    } else {
      this.em.persist(Object.assign(new RecordSnapshot(), { recordType, recordId, fields, updatedAt: new Date() }));
    }
    await this.em.flush();
  }

  properties(recordType: string, recordId: string) {
    return this.em.find(RecordProperty, { recordType, recordId }, { orderBy: { name: 'asc' } });
  }

  history(recordType: string, recordId: string) {
    return this.em.find(RecordPropertyChange, { recordType, recordId }, { orderBy: { changedAt: 'desc', id: 'desc' }, limit: 200 });
  }

  async set(recordType: string, recordId: string, name: string, value: PropertyValue, by: string | null, runId: string | null): Promise<boolean> {
    const existing = await this.em.findOne(RecordProperty, { recordType, recordId, name });
    const previousValue = existing?.value ?? null;
    if (existing && previousValue === value) return false;
    const now = new Date();
    if (existing) Object.assign(existing, { value, updatedAt: now, updatedBy: by });
    else this.em.persist(Object.assign(new RecordProperty(), { recordType, recordId, name, value, updatedAt: now, updatedBy: by }));
    this.em.persist(Object.assign(new RecordPropertyChange(), { id: uuidv7(), recordType, recordId, name, value, previousValue, changedAt: now, changedBy: by }));
    // The change is an integration event too (property triggers, live updates), in this transaction.
    const version = (await this.em.count(RecordPropertyChange, { recordType, recordId })) + 1;
    const snapshot = await this.em.findOne(RecordSnapshot, { recordType, recordId });
    this.em.persist(
      OutboxMessage.fromRecorded(
        {
          name: PropertyChanged.name,
          payload: { recordType, recordId, property: name, value, previousValue, ownerId: (snapshot?.fields['ownerId'] as string) ?? null, runId },
          aggregateType: `${recordType}-property`,
          aggregateId: recordId,
          aggregateVersion: version,
          occurredAt: now,
        },
        currentMessageContext(),
      ),
    );
    await this.em.flush();
    return true;
  }
}
