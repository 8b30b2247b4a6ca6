import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { WorkflowChanged, WorkflowCreated, type WorkflowDefinitionPayload } from '@qa/workflows-contracts';
import { WorkflowErrors } from './workflow.errors';

/** When a workflow enrols a record. */
export type WorkflowTrigger =
  /** The record's status becomes this value (e.g. pending_approval). */
  | { type: 'status_becomes'; status: string }
  /** A property changes; to this value when `value` is given. */
  | { type: 'property_changes'; property: string; value?: string | number | boolean | null }
  /** Any occurrence of this integration event on the record. */
  | { type: 'event'; eventName: string };

export const CONDITION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'is_set', 'is_not_set'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface WorkflowCondition {
  /** A record property: status, total, effectiveDiscountPercent, ownerId, or a custom one. */
  property: string;
  operator: ConditionOperator;
  value?: string | number | boolean | null | Array<string | number>;
}

/** `never`: a record is enrolled once; `always`: every time the trigger fires again. */
export const REENROLLMENT_RULES = ['never', 'always'] as const;
export type ReenrollmentRule = (typeof REENROLLMENT_RULES)[number];

export interface WorkflowActionSpec {
  /** The action provider's key, e.g. create_task. */
  key: string;
  params: Record<string, unknown>;
}

export interface WorkflowSpec {
  name: string;
  enabled: boolean;
  objectType: string;
  trigger: WorkflowTrigger;
  conditions: WorkflowCondition[];
  reenrollment: ReenrollmentRule;
  actions: WorkflowActionSpec[];
  /** Groups workflows installed together (e.g. quote-approvals-v1). */
  setKey: string | null;
}

/** Params never shown once stored (write-only: the webhook signing secret): no answer or event carries them. */
export const WRITE_ONLY_PARAMS: readonly string[] = ['secret'];

/** Params as answers and events show them: write-only ones left out. */
export function withoutWriteOnlyParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params ?? {}).filter(([name]) => !WRITE_ONLY_PARAMS.includes(name)));
}

/** A workflow: data, not code. The engine reads it; admins edit it. Its changes are events (for the audit log). */
export class WorkflowDefinition extends AggregateRoot implements WorkflowSpec {
  id!: string;
  version: number | undefined;
  name!: string;
  enabled!: boolean;
  objectType!: string;
  trigger!: WorkflowTrigger;
  conditions!: WorkflowCondition[];
  reenrollment!: ReenrollmentRule;
  actions!: WorkflowActionSpec[];
  setKey!: string | null;
  createdAt!: Date;
  updatedAt!: Date;

  protected get aggregateType(): string {
    return 'workflow';
  }

  static create(spec: WorkflowSpec, knownActions: readonly string[]): WorkflowDefinition {
    const workflow = new WorkflowDefinition();
    workflow.id = uuidv7();
    workflow.createdAt = new Date();
    workflow.apply(spec, knownActions);
    workflow.record(WorkflowCreated, workflow.payload());
    return workflow;
  }

  update(spec: WorkflowSpec, knownActions: readonly string[]): void {
    this.apply(spec, knownActions);
    this.record(WorkflowChanged, this.payload());
  }

  /** The definition as events carry it, without write-only params. */
  payload(): WorkflowDefinitionPayload {
    return {
      workflowId: this.id,
      name: this.name,
      enabled: this.enabled,
      objectType: this.objectType,
      trigger: { ...this.trigger },
      conditions: this.conditions.map((c) => ({ ...c })),
      reenrollment: this.reenrollment,
      actions: this.actions.map((a) => ({ key: a.key, params: withoutWriteOnlyParams(a.params) })),
      setKey: this.setKey,
    };
  }

  private apply(spec: WorkflowSpec, knownActions: readonly string[]): void {
    validateSpec(spec, knownActions);
    Object.assign(this, {
      name: spec.name.trim(),
      enabled: spec.enabled,
      objectType: spec.objectType,
      trigger: spec.trigger,
      conditions: spec.conditions,
      reenrollment: spec.reenrollment,
      actions: spec.actions,
      setKey: spec.setKey,
      updatedAt: new Date(),
    });
  }

  checkVersion(expected: number | undefined): void {
    if (expected !== undefined && expected !== this.version) throw WorkflowErrors.staleVersion(expected, this.version ?? 0);
  }
}

export function validateSpec(spec: WorkflowSpec, knownActions: readonly string[]): void {
  if (!spec.name?.trim()) throw WorkflowErrors.invalid('name', 'must not be empty');
  if (spec.objectType !== 'quote') throw WorkflowErrors.invalid('objectType', 'only quote workflows exist so far');
  const t = spec.trigger;
  if (t.type === 'status_becomes' && !t.status) throw WorkflowErrors.invalid('trigger.status', 'must name a status');
  if (t.type === 'property_changes' && !t.property) throw WorkflowErrors.invalid('trigger.property', 'must name a property');
  if (t.type === 'event' && !/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+$/.test(t.eventName)) throw WorkflowErrors.invalid('trigger.eventName', 'must be an integration event name');
  spec.conditions.forEach((c, i) => {
    if (!c.property) throw WorkflowErrors.invalid(`conditions.${i}.property`, 'must name a property');
    if (!(CONDITION_OPERATORS as readonly string[]).includes(c.operator)) throw WorkflowErrors.invalid(`conditions.${i}.operator`, `must be one of ${CONDITION_OPERATORS.join(', ')}`);
  });
  if (spec.actions.length === 0) throw WorkflowErrors.invalid('actions', 'a workflow needs at least one action');
  spec.actions.forEach((a, i) => {
    if (!knownActions.includes(a.key)) throw WorkflowErrors.invalid(`actions.${i}.key`, `unknown action ${a.key}; known: ${knownActions.join(', ')}`);
  });
}
