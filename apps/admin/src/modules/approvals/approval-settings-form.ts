// The Settings → Quotes form: the settings as the page edits them, and back into the PUT body.
// Rules are an ordered list: the first is looked at first. This editor shows the simple shape of a
// rule (one group of conditions, one step with one group of named approvers, any one or all of
// them, stopping at the first match); a rule of any other shape (several condition groups or steps,
// parallel groups, approvers named by role, team, manager or field, or stacking with later rules)
// is kept as it came and sent back unchanged.
import type { ApprovalMode, ApprovalRule, ApprovalSettings, ApprovalSettingsRequest, DealStage, RuleCondition, RuleConditionValue, RuleField, RuleOperator } from './approvals-api';

export const RULE_FIELDS: readonly RuleField[] = ['total', 'effectiveDiscountPercent', 'largestLineDiscountPercent', 'currency', 'dealStage'];

/** Fields whose values are percentages: sent as numbers (money is sent as decimal text). */
const PERCENT_FIELDS: readonly RuleField[] = ['effectiveDiscountPercent', 'largestLineDiscountPercent'];

export const DEAL_STAGES: readonly DealStage[] = [
  'appointment_scheduled',
  'qualified_to_buy',
  'presentation_scheduled',
  'decision_maker_bought_in',
  'contract_sent',
  'closed_won',
  'closed_lost',
];

const NUMERIC_OPERATORS: readonly RuleOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];
const TEXT_OPERATORS: readonly RuleOperator[] = ['eq', 'neq', 'in'];

/** The comparisons that make sense for a field (amounts and percentages compare; codes match). */
export function operatorsFor(field: RuleField): readonly RuleOperator[] {
  return field === 'currency' || field === 'dealStage' ? TEXT_OPERATORS : NUMERIC_OPERATORS;
}

export interface ConditionForm {
  /** Stable key for v-for (not sent). */
  key: number;
  field: RuleField;
  operator: RuleOperator;
  /** A text value, or a comma-separated list for `in` (not for deal stages). */
  value: string;
  /** Deal stages chosen for `in`. */
  stages: string[];
}

export interface RuleForm {
  key: number;
  id?: string;
  name: string;
  conditions: ConditionForm[];
  approverIds: string[];
  mode: ApprovalMode;
  /**
   * A rule this editor cannot show faithfully, as the API sent it: shown read-only and sent back
   * unchanged (null for a rule the editor shows).
   */
  locked: ApprovalRule | null;
}

export interface SettingsForm {
  requireApproval: boolean;
  defaultApproverId: string | null;
  rules: RuleForm[];
}

let keys = 0;
const nextKey = () => ++keys;

export function newCondition(field: RuleField = 'effectiveDiscountPercent'): ConditionForm {
  return { key: nextKey(), field, operator: operatorsFor(field)[0] ?? 'gt', value: '', stages: [] };
}

export function newRule(name = ''): RuleForm {
  return { key: nextKey(), name, conditions: [newCondition()], approverIds: [], mode: 'any', locked: null };
}

/** Whether this editor can show the condition as it is (a field and operator it offers, a value it can hold). */
function editable(condition: RuleCondition): boolean {
  if (!RULE_FIELDS.includes(condition.field) || !operatorsFor(condition.field).includes(condition.operator)) return false;
  if (condition.operator === 'in') return Array.isArray(condition.value);
  return typeof condition.value === 'string' || typeof condition.value === 'number';
}

/**
 * Whether this editor can show the rule faithfully: at most one condition group, one step with one
 * group of named users, stopping at the first match, with conditions it offers.
 */
export function isSimpleRule(rule: ApprovalRule): boolean {
  if (!rule.firstMatchOnly || rule.when.length > 1 || rule.route.length !== 1) return false;
  const groups = rule.route[0]?.groups ?? [];
  if (groups.length !== 1) return false;
  if (!groups[0]?.approvers.every((ref) => ref.kind === 'user' && typeof ref.userId === 'string')) return false;
  return (rule.when[0]?.conditions ?? []).every(editable);
}

function conditionForm(condition: RuleCondition): ConditionForm {
  const list = Array.isArray(condition.value) ? condition.value.map(String) : null;
  return {
    key: nextKey(),
    field: condition.field,
    operator: condition.operator,
    value: list ? (condition.field === 'dealStage' ? '' : list.join(', ')) : String(condition.value),
    stages: list && condition.field === 'dealStage' ? list : [],
  };
}

function ruleForm(rule: ApprovalRule): RuleForm {
  const base = { key: nextKey(), ...(rule.id ? { id: rule.id } : {}), name: rule.name };
  if (!isSimpleRule(rule)) return { ...base, conditions: [], approverIds: [], mode: 'any', locked: rule };
  const group = rule.route[0]?.groups[0];
  return {
    ...base,
    conditions: (rule.when[0]?.conditions ?? []).map(conditionForm),
    approverIds: [...new Set((group?.approvers ?? []).flatMap((ref) => (ref.userId ? [ref.userId] : [])))],
    mode: group?.mode ?? 'any',
    locked: null,
  };
}

/** The form of saved settings: the rules in the order the API keeps them (the first is looked at first). */
export function toForm(settings: ApprovalSettings): SettingsForm {
  return {
    requireApproval: settings.requireApproval,
    defaultApproverId: settings.defaultApproverId,
    rules: settings.rules.map(ruleForm),
  };
}

/** A comma-separated list as the API's array ("EUR, usd" → ["EUR", "USD"] for currencies). */
function listOf(condition: ConditionForm): string[] {
  if (condition.field === 'dealStage') return [...condition.stages];
  const items = condition.value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return condition.field === 'currency' ? items.map((item) => item.toUpperCase()) : items;
}

/** A percentage as typed ("20", "12,5") as a number; anything else as typed, for the API to name what is wrong. */
function percentValue(text: string): number | string {
  const decimal = text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : text;
}

function conditionValue(condition: ConditionForm): RuleConditionValue {
  if (condition.operator === 'in') return listOf(condition);
  const value = condition.value.trim();
  if (condition.field === 'currency') return value.toUpperCase();
  if (PERCENT_FIELDS.includes(condition.field) && value) return percentValue(value);
  return value;
}

/** A rule as the API takes it: its conditions one group (none: every quote), its approvers one step of one group. */
function ruleRequest(rule: RuleForm): ApprovalRule {
  if (rule.locked) return rule.locked;
  const conditions = rule.conditions.map((condition) => ({ field: condition.field, operator: condition.operator, value: conditionValue(condition) }));
  return {
    ...(rule.id ? { id: rule.id } : {}),
    name: rule.name.trim(),
    when: conditions.length ? [{ conditions }] : [],
    route: [{ groups: [{ approvers: rule.approverIds.map((userId) => ({ kind: 'user' as const, userId })), mode: rule.mode }] }],
    firstMatchOnly: true,
  };
}

/** The PUT body: rules in the order shown; `version` once the settings were saved. */
export function toRequest(form: SettingsForm, version: number): ApprovalSettingsRequest {
  return {
    requireApproval: form.requireApproval,
    defaultApproverId: form.defaultApproverId,
    rules: form.rules.map(ruleRequest),
    ...(version > 0 ? { version } : {}),
  };
}

export type FormProblem = 'chooseApprover' | 'nameRequired' | 'approversRequired' | 'valueRequired';

/** Problems the page can name before asking the API (field path → problem), as the API names fields. */
export function checkForm(form: SettingsForm): Record<string, FormProblem> {
  const problems: Record<string, FormProblem> = {};
  if (form.requireApproval && !form.defaultApproverId) problems['defaultApproverId'] = 'chooseApprover';
  form.rules.forEach((rule, i) => {
    // A rule shown read-only goes back as it came: the API checks it.
    if (rule.locked) return;
    if (!rule.name.trim()) problems[`rules.${i}.name`] = 'nameRequired';
    if (rule.approverIds.length === 0) problems[`rules.${i}.approverIds`] = 'approversRequired';
    rule.conditions.forEach((condition, j) => {
      const value = conditionValue(condition);
      if (Array.isArray(value) ? value.length === 0 : value === '') problems[`rules.${i}.conditions.${j}.value`] = 'valueRequired';
    });
  });
  return problems;
}

/**
 * The form field an API field path belongs to, as this editor shows the rule: a condition of its one
 * group (`rules.2.when.0.conditions.1.value` → `rules.2.conditions.1.value`), its approvers
 * (`rules.0.route.0.groups.0.approvers.1.userId` → `rules.0.approverIds`) and any one or all
 * (`….groups.0.mode` → `rules.0.mode`). Anything about a rule shown read-only is that rule's
 * (`rules.1.advanced`).
 */
export function formFieldOf(apiField: string, form?: SettingsForm): string {
  const rule = /^rules\.(\d+)(?:\.|$)/.exec(apiField);
  if (rule && form?.rules[Number(rule[1])]?.locked) return `rules.${rule[1]}.advanced`;
  const condition = /^(rules\.\d+)\.(?:when\.\d+\.)?(conditions\.\d+\.(?:field|operator|value))(?:\..*)?$/.exec(apiField);
  if (condition) return `${condition[1]}.${condition[2]}`;
  const approvers = /^(rules\.\d+)\.(?:route\.\d+\.groups\.\d+\.approvers|approverIds)(?:\..*)?$/.exec(apiField);
  if (approvers) return `${approvers[1]}.approverIds`;
  const mode = /^(rules\.\d+)\.route\.\d+\.groups\.\d+\.mode$/.exec(apiField);
  if (mode) return `${mode[1]}.mode`;
  return apiField;
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); a move past either end does nothing. */
export function move<T>(items: T[], index: number, delta: -1 | 1): boolean {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return false;
  const [item] = items.splice(index, 1);
  if (item === undefined) return false;
  items.splice(target, 0, item);
  return true;
}
