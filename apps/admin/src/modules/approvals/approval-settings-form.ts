// The Settings → Quotes form: the settings as the page edits them, and back into the PUT body.
// Rules are an ordered list; their order on the page is their priority (first = 1).
import type { ApprovalMode, ApprovalRule, ApprovalSettings, ApprovalSettingsRequest, DealStage, RuleCondition, RuleField, RuleOperator } from './approvals-api';

export const RULE_FIELDS: readonly RuleField[] = ['total', 'effectiveDiscountPercent', 'largestLineDiscountPercent', 'currency', 'dealStage'];

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
  return { key: nextKey(), name, conditions: [newCondition()], approverIds: [], mode: 'any' };
}

function conditionForm(condition: RuleCondition): ConditionForm {
  const list = Array.isArray(condition.value) ? condition.value : null;
  return {
    key: nextKey(),
    field: condition.field,
    operator: condition.operator,
    value: list ? (condition.field === 'dealStage' ? '' : list.join(', ')) : String(condition.value),
    stages: list && condition.field === 'dealStage' ? [...list] : [],
  };
}

export function toForm(settings: ApprovalSettings): SettingsForm {
  return {
    requireApproval: settings.requireApproval,
    defaultApproverId: settings.defaultApproverId,
    rules: [...settings.rules]
      .sort((a, b) => a.priority - b.priority)
      .map((rule) => ({
        key: nextKey(),
        ...(rule.id ? { id: rule.id } : {}),
        name: rule.name,
        conditions: rule.conditions.map(conditionForm),
        approverIds: [...rule.approverIds],
        mode: rule.mode,
      })),
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

function conditionValue(condition: ConditionForm): string | string[] {
  if (condition.operator === 'in') return listOf(condition);
  const value = condition.value.trim();
  return condition.field === 'currency' ? value.toUpperCase() : value;
}

/** The PUT body: rules in the order shown, priority 1, 2, 3…; `version` once the settings were saved. */
export function toRequest(form: SettingsForm, version: number): ApprovalSettingsRequest {
  const rules: ApprovalRule[] = form.rules.map((rule, index) => ({
    ...(rule.id ? { id: rule.id } : {}),
    name: rule.name.trim(),
    priority: index + 1,
    conditions: rule.conditions.map((condition) => ({ field: condition.field, operator: condition.operator, value: conditionValue(condition) })),
    approverIds: [...rule.approverIds],
    mode: rule.mode,
  }));
  return {
    requireApproval: form.requireApproval,
    defaultApproverId: form.defaultApproverId,
    rules,
    ...(version > 0 ? { version } : {}),
  };
}

export type FormProblem = 'chooseApprover' | 'nameRequired' | 'approversRequired' | 'valueRequired';

/** Problems the page can name before asking the API (field path → problem), as the API names fields. */
export function checkForm(form: SettingsForm): Record<string, FormProblem> {
  const problems: Record<string, FormProblem> = {};
  if (form.requireApproval && !form.defaultApproverId) problems['defaultApproverId'] = 'chooseApprover';
  form.rules.forEach((rule, i) => {
    if (!rule.name.trim()) problems[`rules.${i}.name`] = 'nameRequired';
    if (rule.approverIds.length === 0) problems[`rules.${i}.approverIds`] = 'approversRequired';
    rule.conditions.forEach((condition, j) => {
      const value = conditionValue(condition);
      if (Array.isArray(value) ? value.length === 0 : !value) problems[`rules.${i}.conditions.${j}.value`] = 'valueRequired';
    });
  });
  return problems;
}

/**
 * The form field an API field path belongs to: `rules.0.approverIds.1` is the approvers picker of
 * rule 1, `rules.2.conditions.0.value` the value of its first condition.
 */
export function formFieldOf(apiField: string): string {
  const approver = /^(rules\.\d+\.approverIds)\.\d+$/.exec(apiField);
  if (approver?.[1]) return approver[1];
  const condition = /^(rules\.\d+\.conditions\.\d+\.(?:field|operator|value))(?:\..*)?$/.exec(apiField);
  if (condition?.[1]) return condition[1];
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
