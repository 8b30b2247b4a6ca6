import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@qa/shared-kernel';
import { RecordProperty, RecordPropertyChange, WorkflowDefinition, WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';
import { RecordSnapshot } from './record-snapshot';
import { WorkflowVersionSchema } from './workflow-version.schema';

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

// `id` (the record id) and `version` (its number of property changes) are not columns: the aggregate's base props.
export const RecordPropertySchema = new EntitySchema<RecordProperty, AggregateRoot>({
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

export const workflowsEntities = [WorkflowDefinitionSchema, WorkflowRunSchema, WorkflowRunStepSchema, RecordPropertySchema, RecordPropertyChangeSchema, RecordSnapshotSchema, WorkflowVersionSchema];
