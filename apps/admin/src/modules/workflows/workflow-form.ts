// The workflow editor's model: a form built from a WorkflowResponse (or a new, empty workflow),
// turned back into the request body the API takes (POST /workflows, PUT /workflows/{id}).
// Pure functions, no Vue: the editor's components change the form, the page saves it.
import type { ApiSchemas } from '@qa/shared-api-client';

export type Workflow = ApiSchemas['WorkflowResponse'];
export type WorkflowRequest = ApiSchemas['WorkflowRequest'];
export type TriggerType = ApiSchemas['TriggerRequest']['type'];
export type ConditionOperator = ApiSchemas['ConditionRequest']['operator'];
export type Reenrollment = Workflow['reenrollment'];
export type ActionDescription = ApiSchemas['ActionDescriptionResponse'];
export type ActionParam = ApiSchemas['ActionParamResponse'];
export type Run = ApiSchemas['RunResponse'];
export type IssuedSecret = ApiSchemas['IssuedSecretResponse'];
export type RunStep = ApiSchemas['RunStepResponse'];

export const TRIGGER_TYPES: readonly TriggerType[] = ['status_becomes', 'property_changes', 'event'];
export const CONDITION_OPERATORS: readonly ConditionOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'is_set', 'is_not_set'];
export const OPERATORS_WITHOUT_VALUE: readonly ConditionOperator[] = ['is_set', 'is_not_set'];
export const REENROLLMENT_RULES: readonly Reenrollment[] = ['never', 'always'];

/** The events that reach the workflow engine (libs/workflows/api, EnrolRecordsWhenEventHandler). */
export const TRIGGER_EVENTS = [
  'quotes.quote.created.v1',
  'quotes.quote.updated.v1',
  'quotes.quote.submitted.v1',
  'quotes.quote.approved.v1',
  'quotes.quote.changes-requested.v1',
  'quotes.quote.published.v1',
  'quotes.quote.recalled.v1',
  'quotes.quote.withdrawn.v1',
  'quotes.quote.signed.v1',
  'quotes.quote.expired.v1',
  'approvals.request.opened.v1',
  'approvals.request.step-started.v1',
  'approvals.request.approved.v1',
  'approvals.request.changes-requested.v1',
  'workflows.property.changed.v1',
] as const;

/** Properties every quote has in the engine's snapshot (suggested in the conditions editor). */
export const QUOTE_PROPERTIES = [
  'status',
  'title',
  'number',
  'ownerId',
  'dealId',
  'currency',
  'total',
  'totalMinor',
  'effectiveDiscountPercent',
  'largestLineDiscountPercent',
  'expiresOn',
  'approval_status',
] as const;

export type ParamValue = string | number | boolean | null;

export interface TriggerForm {
  type: TriggerType;
  status: string;
  property: string;
  /** Text; empty means "any value". */
  value: string;
  eventName: string;
}

export interface ConditionForm {
  /** Local id for list keys and element ids; never sent. */
  uid: string;
  property: string;
  operator: ConditionOperator;
  /** Text as typed; `in` takes a comma-separated list. */
  value: string;
}

export interface ActionForm {
  uid: string;
  key: string;
  /** Values by param name: text for text/template/url/select, text for number (as typed), boolean for boolean. */
  params: Record<string, unknown>;
  /**
   * Webhooks: whether the server has made a signing secret, and its last 4 characters. The secret
   * itself is never read back; `params.secretId` names it so that saving keeps it.
   */
  secret?: { set: boolean; last4: string | null };
  /**
   * "Write my own text" on a built-in action: its `message` (the text as a code), set aside with the
   * values the own text replaced, so "Use the built-in text" can bring it back until the workflow is
   * saved. Never sent: the saved action has no `message`.
   */
  setAside?: { message: unknown; replaced: Record<string, unknown> };
}

/** The action whose signing secret the server makes (and shows once). */
export const WEBHOOK_ACTION = 'send_webhook';

export interface WorkflowForm {
  name: string;
  enabled: boolean;
  objectType: string;
  trigger: TriggerForm;
  conditions: ConditionForm[];
  reenrollment: Reenrollment;
  actions: ActionForm[];
  setKey: string | null;
}

let uidCounter = 0;
export function nextUid(prefix: string): string {
  uidCounter += 1;
  return `${prefix}-${uidCounter}`;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function emptyForm(): WorkflowForm {
  return {
    name: '',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval', property: '', value: '', eventName: TRIGGER_EVENTS[0] },
    conditions: [],
    reenrollment: 'never',
    actions: [],
    setKey: null,
  };
}

export function formFromWorkflow(workflow: Workflow): WorkflowForm {
  const trigger = workflow.trigger;
  return {
    name: workflow.name,
    enabled: workflow.enabled,
    objectType: workflow.objectType,
    trigger: {
      type: trigger.type,
      status: trigger.status ?? (trigger.type === 'status_becomes' ? '' : 'pending_approval'),
      property: trigger.property ?? '',
      value: text(trigger.value),
      eventName: trigger.eventName ?? TRIGGER_EVENTS[0],
    },
    conditions: workflow.conditions.map((condition) => ({
      uid: nextUid('condition'),
      property: condition.property,
      operator: condition.operator,
      value: text(condition.value),
    })),
    reenrollment: workflow.reenrollment,
    actions: workflow.actions.map((action) => ({ uid: nextUid('action'), key: action.key, params: paramsForForm(action.params), ...secretOf(action) })),
    setKey: workflow.setKey,
  };
}

/** What the form knows of an action's signing secret: whether one is set, never its value. */
function secretOf(action: Workflow['actions'][number]): Pick<ActionForm, 'secret'> {
  return action.secretSet === undefined ? {} : { secret: { set: action.secretSet, last4: action.secretLast4 ?? null } };
}

/**
 * After a save: each action takes what the server made for it (the id and last characters of a new
 * signing secret), so the next save keeps the secret. The answer lists the actions in the form's order.
 */
export function withSavedSecrets(actions: readonly ActionForm[], workflow: Workflow): ActionForm[] {
  return actions.map((action, index) => {
    const saved = workflow.actions[index];
    if (!saved || saved.key !== action.key || action.key !== WEBHOOK_ACTION) return action;
    return { ...action, params: { ...action.params, secretId: saved.params['secretId'] }, ...secretOf(saved) };
  });
}

/** Stored param values as the form keeps them: numbers as text (as typed in a field). */
function paramsForForm(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? String(value) : value]));
}

/** A new action from the catalogue: a required select starts at its first option, a boolean at false. */
export function newAction(description: ActionDescription): ActionForm {
  const params: Record<string, unknown> = {};
  for (const param of description.params) {
    if (param.type === 'boolean') params[param.name] = false;
    else if (param.type === 'select' && param.required && param.options?.length) params[param.name] = param.options[0];
    else params[param.name] = '';
  }
  return { uid: nextUid('action'), key: description.key, params };
}

/** A built-in action's text: a message code with its params (templates), which clients word. */
export interface ActionMessage {
  code: string;
  params: Record<string, string>;
}

/** The action's text as a code (`params.message`), or null when it has its own text. */
export function messageOf(action: ActionForm): ActionMessage | null {
  const message = action.params['message'];
  if (!message || typeof message !== 'object' || Array.isArray(message)) return null;
  const { code, params } = message as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || code === '') return null;
  const texts = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return { code, params: Object.fromEntries(Object.entries(texts).map(([name, value]) => [name, text(value)])) };
}

/** "Write my own text": the given texts (e.g. the built-in wording) in place of the message, which is set aside. */
export function withOwnText(action: ActionForm, texts: Record<string, string>): ActionForm {
  const { message, ...params } = action.params;
  const replaced = Object.fromEntries(Object.keys(texts).map((name) => [name, action.params[name]]));
  return { ...action, params: { ...params, ...texts }, setAside: { message, replaced } };
}

/** "Use the built-in text": the set-aside message back, and the values the own text replaced. */
export function withBuiltInText(action: ActionForm): ActionForm {
  if (!action.setAside) return action;
  const { setAside, ...rest } = action;
  const params: Record<string, unknown> = { ...action.params, message: setAside.message };
  for (const [name, value] of Object.entries(setAside.replaced)) {
    if (value === undefined) delete params[name];
    else params[name] = value;
  }
  return { ...rest, params };
}

/** After a save: an own text is the saved one, its built-in text no longer comes back. */
export function withoutSetAside(actions: readonly ActionForm[]): ActionForm[] {
  return actions.map((action) => {
    if (!action.setAside) return action;
    const { setAside: _setAside, ...rest } = action;
    return rest;
  });
}

export function newCondition(): ConditionForm {
  return { uid: nextUid('condition'), property: '', operator: 'eq', value: '' };
}

/** Moves the item at `index` by `offset` (-1 up, +1 down); returns a new array. */
export function moved<T>(list: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One param value for the request; undefined leaves it out. */
function paramForRequest(value: unknown, param: ActionParam | undefined): unknown {
  if (param?.type === 'boolean') return value === true;
  if (isBlank(value)) return undefined;
  if (param?.type === 'number') {
    const raw = String(value).trim().replace(',', '.');
    return NUMBER.test(raw) ? Number(raw) : raw;
  }
  return typeof value === 'string' ? value.trim() : value;
}

function triggerForRequest(trigger: TriggerForm): WorkflowRequest['trigger'] {
  switch (trigger.type) {
    case 'status_becomes':
      return { type: 'status_becomes', status: trigger.status };
    case 'property_changes':
      return trigger.value.trim() === ''
        ? { type: 'property_changes', property: trigger.property.trim() }
        : { type: 'property_changes', property: trigger.property.trim(), value: trigger.value.trim() };
    case 'event':
      return { type: 'event', eventName: trigger.eventName };
  }
}

function conditionForRequest(condition: ConditionForm): WorkflowRequest['conditions'][number] {
  const base = { property: condition.property.trim(), operator: condition.operator };
  if (OPERATORS_WITHOUT_VALUE.includes(condition.operator)) return base;
  if (condition.operator === 'in') {
    return { ...base, value: condition.value.split(',').map((part) => part.trim()).filter(Boolean) };
  }
  return { ...base, value: condition.value.trim() };
}

/** The request body (POST; PUT adds `version`). Param values of the catalogue's types; blanks left out. */
export function toRequest(form: WorkflowForm, catalogue: readonly ActionDescription[]): WorkflowRequest {
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    objectType: form.objectType,
    trigger: triggerForRequest(form.trigger),
    conditions: form.conditions.map(conditionForRequest),
    reenrollment: form.reenrollment,
    actions: form.actions.map((action) => {
      const description = catalogue.find((entry) => entry.key === action.key);
      const params: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(action.params)) {
        const converted = paramForRequest(value, description?.params.find((param) => param.name === name));
        if (converted !== undefined) params[name] = converted;
      }
      return { key: action.key, params };
    }),
    setKey: form.setKey,
  };
}

/** Field paths as the API names them: `name`, `trigger.status`, `conditions.0.property`, `actions.1.params.title`. */
export type FieldErrors = Record<string, string>;

export type ProblemKind = 'required' | 'number';

/**
 * What the API does not check itself: a name, and the required params of each action (the API
 * only knows the action keys). Returns problems by field path.
 */
export function checkForm(form: WorkflowForm, catalogue: readonly ActionDescription[]): Record<string, ProblemKind> {
  const problems: Record<string, ProblemKind> = {};
  if (form.name.trim() === '') problems['name'] = 'required';
  form.actions.forEach((action, index) => {
    const description = catalogue.find((entry) => entry.key === action.key);
    for (const param of description?.params ?? []) {
      const value = action.params[param.name];
      const path = `actions.${index}.params.${param.name}`;
      if (param.type === 'boolean') continue;
      if (isBlank(value)) {
        // A built-in workflow's text is a message code (`message`), which stands in for its title.
        const standsIn = param.requiredUnless !== undefined && !isBlank(action.params[param.requiredUnless]);
        if (param.required && !standsIn) problems[path] = 'required';
      } else if (param.type === 'number' && !NUMBER.test(String(value).trim().replace(',', '.'))) {
        problems[path] = 'number';
      }
    }
  });
  return problems;
}

/** The order fields appear in the editor, for the error summary. */
export function fieldOrder(path: string): number[] {
  const sections: Record<string, number> = { name: 0, enabled: 1, objectType: 2, trigger: 3, conditions: 4, reenrollment: 5, actions: 6, setKey: 7 };
  const [head = '', ...rest] = path.split('.');
  return [sections[head] ?? 9, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : 0))];
}
