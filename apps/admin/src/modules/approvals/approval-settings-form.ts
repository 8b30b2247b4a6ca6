// Settings → Products & Quotes → Approvals: the policy as the page edits it, and back into the PUT
// body. Rules are an ordered list (the first is looked at first); each has condition groups (any
// one group holds when all of its conditions hold; no group: every quote), a route of steps in
// order (the approver groups of a step decide at the same time) and "first match only". Every part
// has a `key` (not sent): the ids of its controls, so a problem stays at its control when parts move.
// With the policy: the base currency and exchange rates the "total in base currency" condition uses,
// and the business hours (time zone, working days, start and end) rules' reminders and escalations
// count in.
import type {
  ApprovalMode,
  ApprovalRule,
  ApprovalSettings,
  ApprovalSettingsRequest,
  ApproverField,
  ApproverKind,
  ApproverRef,
  ApproverRole,
  BusinessHours,
  ConditionFieldType,
  DealStage,
  EscalateTo,
  RuleCondition,
  RuleConditionValue,
  RuleEscalation,
  RuleField,
  RuleOperator,
  WatchedField,
} from './approvals-api';
import { FIELD_TYPES } from './route-words';

export const DEAL_STAGES: readonly DealStage[] = [
  'appointment_scheduled',
  'qualified_to_buy',
  'presentation_scheduled',
  'decision_maker_bought_in',
  'contract_sent',
  'closed_won',
  'closed_lost',
];
/** The roles a quote's owner may have (the `ownerRole` condition). */
export const OWNER_ROLES = ['rep', 'manager', 'admin'] as const;
/** The roles whose members may approve (an approver "Everyone with a role"). */
export const APPROVER_ROLES: readonly ApproverRole[] = ['manager', 'admin'];
export const APPROVER_KINDS: readonly ApproverKind[] = ['user', 'role', 'team', 'manager', 'field'];
export const APPROVER_FIELDS: readonly ApproverField[] = ['dealOwner', 'companyOwner'];
/** The quote fields a rule may watch (smart re-approval), in the order the editor lists them. */
export const WATCHABLE_FIELDS: readonly WatchedField[] = ['total', 'quoteDiscount', 'lineDiscounts', 'lines', 'currency', 'title', 'expiresOn', 'paymentTerms', 'company', 'deal'];
/** "The owner's manager": 1 = the owner's manager, 2 = their manager, … up to 10. */
export const MANAGER_LEVELS = { min: 1, max: 10 } as const;
/** Whom a waiting step may escalate to, in the order the editor offers them. */
export const ESCALATE_TO: readonly EscalateTo[] = ['manager', 'fallback'];
/** Reminders and escalations wait from a quarter of an hour up to 500 business hours, in quarter hours. */
export const ESCALATION_HOURS = { min: 0.25, max: 500 } as const;
/** ISO weekdays, 1 Monday … 7 Sunday (the order the working days are listed in). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The working week of an account that never saved one (as the API's default). */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
/** The fields and operators a new condition starts with. */
const DEFAULT_FIELD: RuleField = 'effectiveDiscountPercent';

/** The type of a field's values (money, percent, …), as GET /approvals/condition-fields names it. */
export function fieldType(field: RuleField): ConditionFieldType {
  return FIELD_TYPES[field];
}

export function isListOperator(operator: RuleOperator): boolean {
  return operator === 'in' || operator === 'notIn';
}

/** Types whose values are chosen from a list (deal stages, roles): a select, several for in/notIn. */
const CHOICE_TYPES: readonly ConditionFieldType[] = ['dealStage', 'role'];
const NUMBER_TYPES: readonly ConditionFieldType[] = ['percent', 'count', 'days'];

/**
 * The input a condition's value takes: money as text, percentages, days and counts as numbers, a
 * currency code, a choice (several for in/notIn), text (a comma list for in/notIn), yes/no, or a
 * range (two inputs of the field's kind) for "is between".
 */
export type ValueInput = 'money' | 'number' | 'currency' | 'currencyList' | 'country' | 'countryList' | 'choice' | 'choices' | 'text' | 'textList' | 'boolean' | 'range';

export function valueInputOf(field: RuleField, operator: RuleOperator): ValueInput {
  const type = fieldType(field);
  if (operator === 'between') return 'range';
  const list = isListOperator(operator);
  if (type === 'money') return 'money';
  if (NUMBER_TYPES.includes(type)) return 'number';
  if (type === 'currency') return list ? 'currencyList' : 'currency';
  if (type === 'country') return list ? 'countryList' : 'country';
  if (CHOICE_TYPES.includes(type)) return list ? 'choices' : 'choice';
  if (type === 'boolean') return 'boolean';
  return list ? 'textList' : 'text';
}

/** The input of each end of a range: money as text, anything else as a number. */
export function rangeInputOf(field: RuleField): 'money' | 'number' {
  return fieldType(field) === 'money' ? 'money' : 'number';
}

export interface ConditionForm {
  key: number;
  field: RuleField;
  /** quoteProperty: the property's name as typed (sent only for that field). */
  property: string;
  operator: RuleOperator;
  /** One value as typed (a comma list for text and currencies under in/notIn; 'true'/'false' for yes/no). */
  value: string;
  /** The values chosen for in/notIn of deal stages and roles. */
  values: string[];
  /** The ends of "is between". */
  from: string;
  to: string;
}

export interface ConditionGroupForm {
  key: number;
  /** All must hold. */
  conditions: ConditionForm[];
}

export interface ApproverForm {
  key: number;
  kind: ApproverKind;
  /** Each kind keeps its own value, so switching back and forth loses nothing; only the kind's is sent. */
  userId: string | null;
  role: ApproverRole;
  team: string;
  /** As typed in the number input. */
  levels: string;
  field: ApproverField;
}

export interface ApproverGroupForm {
  key: number;
  mode: ApprovalMode;
  approvers: ApproverForm[];
}

export interface StepForm {
  key: number;
  /** Decide at the same time; the step is done when each group is. */
  groups: ApproverGroupForm[];
}

/** A rule's reminders and escalation: the hours as typed (empty: none), and whom it escalates to. */
export interface EscalationForm {
  remindAfterHours: string;
  escalateAfterHours: string;
  escalateTo: EscalateTo;
}

export interface RuleForm {
  key: number;
  id?: string;
  name: string;
  firstMatchOnly: boolean;
  /** Any one group (all of its conditions); none: every quote. */
  when: ConditionGroupForm[];
  route: StepForm[];
  /** On resubmission its approved steps are asked again only when one of these changed; none: any change. */
  watchedFields: WatchedField[];
  /** Remind its steps' approvers, and escalate, after business hours (both empty: neither). */
  escalation: EscalationForm;
}

/** One row of the exchange rate table: 1 unit of `currency` in the base currency. */
export interface RateForm {
  key: number;
  currency: string;
  rate: string;
}

export interface SettingsForm {
  requireApproval: boolean;
  defaultApproverId: string | null;
  rules: RuleForm[];
  /** ISO 4217, as typed. */
  baseCurrency: string;
  rates: RateForm[];
  /** The working week: IANA time zone, ISO weekdays, start and end as HH:MM. */
  businessHours: BusinessHoursForm;
}

export interface BusinessHoursForm {
  timeZone: string;
  /** Ticked ISO weekdays (1 Monday … 7 Sunday). */
  days: number[];
  /** HH:MM, as the time inputs give it (empty when cleared). */
  start: string;
  end: string;
}

let keys = 0;
const nextKey = () => ++keys;

/** A field's first value: yes for yes/no, nothing for the rest. */
function startValue(field: RuleField): string {
  return fieldType(field) === 'boolean' ? 'true' : '';
}

/** The operator a condition of this type starts with (before the API's list of operators is known). */
function firstOperator(type: ConditionFieldType): RuleOperator {
  if (type === 'products') return 'contains';
  return type === 'money' || NUMBER_TYPES.includes(type) ? 'gt' : 'eq';
}

export function newCondition(field: RuleField = DEFAULT_FIELD, operator?: RuleOperator): ConditionForm {
  return { key: nextKey(), field, property: '', operator: operator ?? firstOperator(fieldType(field)), value: startValue(field), values: [], from: '', to: '' };
}

export function newRate(currency = '', rate = ''): RateForm {
  return { key: nextKey(), currency, rate };
}

export function newConditionGroup(): ConditionGroupForm {
  return { key: nextKey(), conditions: [newCondition()] };
}

export function newApprover(kind: ApproverKind = 'user'): ApproverForm {
  return { key: nextKey(), kind, userId: null, role: 'manager', team: '', levels: '1', field: 'dealOwner' };
}

export function newApproverGroup(): ApproverGroupForm {
  return { key: nextKey(), mode: 'any', approvers: [newApprover()] };
}

export function newStep(): StepForm {
  return { key: nextKey(), groups: [newApproverGroup()] };
}

/** No reminder and no escalation (the waiting approvers' managers when hours are entered). */
export function newEscalation(): EscalationForm {
  return { remindAfterHours: '', escalateAfterHours: '', escalateTo: 'manager' };
}

/** A new rule: one condition, one step with one approver to choose, first match only, no reminders. */
export function newRule(name = ''): RuleForm {
  return { key: nextKey(), name, firstMatchOnly: true, when: [newConditionGroup()], route: [newStep()], watchedFields: [], escalation: newEscalation() };
}

/**
 * After the field changed (from `previous`): the operator stays where the new field allows it (else
 * its first); the value stays when the new field takes the same kind of value, else starts again.
 */
export function changeField(condition: ConditionForm, previous: RuleField, operators: readonly RuleOperator[]): void {
  const before = valueInputOf(previous, condition.operator);
  if (!operators.includes(condition.operator)) condition.operator = operators[0] ?? firstOperator(fieldType(condition.field));
  const same = fieldType(previous) === fieldType(condition.field) && valueInputOf(condition.field, condition.operator) === before;
  if (same) return;
  condition.value = startValue(condition.field);
  condition.values = [];
  condition.from = '';
  condition.to = '';
}

/** A new operator carries the value over where it can ("is" 20 → "is between" 20 and …). */
export function changeOperator(condition: ConditionForm, previous: RuleOperator): void {
  const before = valueInputOf(condition.field, previous);
  const after = valueInputOf(condition.field, condition.operator);
  if (before === after) return;
  const single = before === 'range' ? condition.from : before === 'choices' ? (condition.values[0] ?? '') : condition.value;
  if (after === 'range') condition.from = single;
  else if (after === 'choices') condition.values = single ? [single] : [];
  else condition.value = single;
}

// --- From the API ---------------------------------------------------------------------------------

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function conditionForm(condition: RuleCondition): ConditionForm {
  const form = newCondition(condition.field, condition.operator);
  form.property = condition.property ?? '';
  const value = condition.value;
  const items = Array.isArray(value) ? value.map(text) : [text(value)];
  const input = valueInputOf(condition.field, condition.operator);
  if (input === 'range') {
    form.from = items[0] ?? '';
    form.to = items[1] ?? '';
  } else if (input === 'choices') form.values = items.filter(Boolean);
  else form.value = items.join(', ');
  return form;
}

function approverForm(ref: ApproverRef): ApproverForm {
  const form = newApprover(ref.kind);
  if (ref.userId) form.userId = ref.userId;
  if (ref.role) form.role = ref.role;
  if (ref.team) form.team = ref.team;
  if (ref.levels !== undefined) form.levels = String(ref.levels);
  if (ref.field) form.field = ref.field;
  return form;
}

function ruleForm(rule: ApprovalRule): RuleForm {
  return {
    key: nextKey(),
    ...(rule.id ? { id: rule.id } : {}),
    name: rule.name,
    firstMatchOnly: rule.firstMatchOnly,
    when: rule.when.map((group) => ({ key: nextKey(), conditions: group.conditions.map(conditionForm) })),
    route: rule.route.map((step) => ({
      key: nextKey(),
      groups: step.groups.map((group) => ({ key: nextKey(), mode: group.mode, approvers: group.approvers.map(approverForm) })),
    })),
    watchedFields: [...(rule.watchedFields ?? [])],
    escalation: escalationForm(rule.escalation),
  };
}

function escalationForm(escalation: RuleEscalation | null | undefined): EscalationForm {
  if (!escalation) return newEscalation();
  return { remindAfterHours: text(escalation.remindAfterHours), escalateAfterHours: text(escalation.escalateAfterHours), escalateTo: escalation.escalateTo ?? 'manager' };
}

/** The working week as the page edits it (the API's default when none was given). */
export function businessHoursForm(hours: BusinessHours | undefined): BusinessHoursForm {
  const given = hours ?? DEFAULT_BUSINESS_HOURS;
  return { timeZone: given.timeZone, days: [...given.days], start: given.start, end: given.end };
}

/** The form of saved settings: the rules in the order the API keeps them (the first is looked at first). */
export function toForm(settings: ApprovalSettings): SettingsForm {
  return {
    requireApproval: settings.requireApproval,
    defaultApproverId: settings.defaultApproverId,
    rules: settings.rules.map(ruleForm),
    baseCurrency: settings.baseCurrency ?? 'EUR',
    rates: Object.entries(settings.exchangeRates ?? {}).map(([currency, rate]) => newRate(currency, rate)),
    businessHours: businessHoursForm(settings.businessHours),
  };
}

// --- To the API -----------------------------------------------------------------------------------

/** A number as typed ("20", "12,5") as a number; anything else as typed, for the API to name what is wrong. */
export function numberOrText(typed: string): number | string {
  const decimal = typed.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : typed.trim();
}

/** One value of a field: money as decimal text, numbers as numbers, currency codes in capitals. */
function oneValue(field: RuleField, typed: string): string | number {
  const type = fieldType(field);
  if (NUMBER_TYPES.includes(type)) return numberOrText(typed);
  if (type === 'currency' || type === 'country') return typed.trim().toUpperCase();
  return typed.trim();
}

function commaList(typed: string): string[] {
  return typed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function conditionValue(condition: ConditionForm): RuleConditionValue {
  const input = valueInputOf(condition.field, condition.operator);
  switch (input) {
    case 'range':
      return [oneValue(condition.field, condition.from), oneValue(condition.field, condition.to)];
    case 'choices':
      return [...condition.values];
    case 'currencyList':
    case 'countryList':
    case 'textList':
      return commaList(condition.value).map((item) => oneValue(condition.field, item) as string);
    case 'boolean':
      return condition.value === 'true';
    default:
      return oneValue(condition.field, condition.value);
  }
}

function approverRequest(approver: ApproverForm): ApproverRef {
  switch (approver.kind) {
    case 'user':
      return { kind: 'user', userId: approver.userId ?? '' };
    case 'role':
      return { kind: 'role', role: approver.role };
    case 'team':
      return { kind: 'team', team: approver.team.trim() };
    case 'manager': {
      const levels = numberOrText(approver.levels);
      // Checked before sending (a whole number from 1 to 10); NaN never leaves the page.
      return { kind: 'manager', levels: typeof levels === 'number' ? levels : Number.NaN };
    }
    case 'field':
      return { kind: 'field', field: approver.field };
  }
}

/** Hours as typed: empty is none (null); a number ("4", "1,5") as a number; anything else as typed, for the check to name. */
function hoursRequest(typed: string): number | null {
  if (!typed.trim()) return null;
  const hours = numberOrText(typed);
  // Checked before sending (quarter hours from 0.25 to 500); NaN never leaves the page.
  return typeof hours === 'number' ? hours : Number.NaN;
}

/** A rule's reminders and escalation as the API takes them; null when both hours are empty. */
export function escalationRequest(escalation: EscalationForm): RuleEscalation | null {
  const remindAfterHours = hoursRequest(escalation.remindAfterHours);
  const escalateAfterHours = hoursRequest(escalation.escalateAfterHours);
  if (remindAfterHours === null && escalateAfterHours === null) return null;
  return { remindAfterHours, escalateAfterHours, escalateTo: escalation.escalateTo };
}

/** The working week as the API takes it: the days in order, once each. */
export function businessHoursRequest(hours: BusinessHoursForm): BusinessHours {
  return { timeZone: hours.timeZone.trim(), days: WEEKDAYS.filter((day) => hours.days.includes(day)), start: hours.start, end: hours.end };
}

/** A rule as the API takes it (its id kept, so rounds still name it). */
export function ruleRequest(rule: RuleForm): ApprovalRule {
  return {
    ...(rule.id ? { id: rule.id } : {}),
    name: rule.name.trim(),
    when: rule.when.map((group) => ({
      conditions: group.conditions.map((condition) => ({
        field: condition.field,
        ...(fieldType(condition.field) === 'property' ? { property: condition.property.trim() } : {}),
        operator: condition.operator,
        value: conditionValue(condition),
      })),
    })),
    route: rule.route.map((step) => ({ groups: step.groups.map((group) => ({ approvers: group.approvers.map(approverRequest), mode: group.mode })) })),
    firstMatchOnly: rule.firstMatchOnly,
    // Not sent when none is ticked: the API reads that as "any change asks again".
    ...(rule.watchedFields.length ? { watchedFields: WATCHABLE_FIELDS.filter((field) => rule.watchedFields.includes(field)) } : {}),
    // Not sent without reminder and escalation (as the API keeps such a rule); an empty input is null.
    ...withEscalation(escalationRequest(rule.escalation)),
  };
}

function withEscalation(escalation: RuleEscalation | null): { escalation?: RuleEscalation } {
  return escalation ? { escalation } : {};
}

/** The PUT body (and the policy of "Try it on a quote"): rules in the order shown; `version` once the settings were saved. */
export function toRequest(form: SettingsForm, version: number): ApprovalSettingsRequest {
  return {
    requireApproval: form.requireApproval,
    defaultApproverId: form.defaultApproverId,
    rules: form.rules.map(ruleRequest),
    baseCurrency: form.baseCurrency.trim().toUpperCase(),
    // Rows left empty are not rates; a rate as typed with a decimal comma ("1,08") is sent with a point.
    exchangeRates: Object.fromEntries(
      form.rates.filter((row) => row.currency.trim() || row.rate.trim()).map((row) => [row.currency.trim().toUpperCase(), row.rate.trim().replace(',', '.')]),
    ),
    businessHours: businessHoursRequest(form.businessHours),
    ...(version > 0 ? { version } : {}),
  };
}

// --- Problems the page sees before asking the API -------------------------------------------------

export type FormProblem =
  | 'chooseApprover'
  | 'nameRequired'
  | 'valueRequired'
  | 'conditionsRequired'
  | 'stepsRequired'
  | 'groupsRequired'
  | 'approversRequired'
  | 'chooseUser'
  | 'teamRequired'
  | 'levelsRange'
  | 'propertyRequired'
  | 'currencyRequired'
  | 'rateRequired'
  | 'hoursRange'
  | 'escalateAfterReminder'
  | 'chooseTimeZone'
  | 'daysRequired'
  | 'timeRequired'
  | 'endAfterStart';

function isEmpty(value: RuleConditionValue): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some((item) => item === '');
  return value === '';
}

/** Business hours a reminder or escalation waits: quarter hours from 0.25 to 500. */
function isEscalationHours(hours: number): boolean {
  return Number.isFinite(hours) && hours >= ESCALATION_HOURS.min && hours <= ESCALATION_HOURS.max && Number.isInteger(hours * 4);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A rule's reminder and escalation hours (the escalation after the reminder), at `at` (`rules.0.escalation`). */
function checkEscalation(escalation: EscalationForm, at: string, problems: Record<string, FormProblem>): void {
  const remind = hoursRequest(escalation.remindAfterHours);
  const escalate = hoursRequest(escalation.escalateAfterHours);
  if (remind !== null && !isEscalationHours(remind)) problems[`${at}.remindAfterHours`] = 'hoursRange';
  if (escalate !== null && !isEscalationHours(escalate)) problems[`${at}.escalateAfterHours`] = 'hoursRange';
  else if (escalate !== null && remind !== null && isEscalationHours(remind) && escalate <= remind) problems[`${at}.escalateAfterHours`] = 'escalateAfterReminder';
}

function checkBusinessHours(hours: BusinessHoursForm, problems: Record<string, FormProblem>): void {
  if (!hours.timeZone.trim()) problems['businessHours.timeZone'] = 'chooseTimeZone';
  if (hours.days.length === 0) problems['businessHours.days'] = 'daysRequired';
  const start = TIME.test(hours.start);
  const end = TIME.test(hours.end);
  if (!start) problems['businessHours.start'] = 'timeRequired';
  if (!end) problems['businessHours.end'] = 'timeRequired';
  // HH:MM of the same day compare as text.
  else if (start && hours.end <= hours.start) problems['businessHours.end'] = 'endAfterStart';
}

/** Problems the page can name before asking the API (API field path → problem), as the API names fields. */
export function checkForm(form: SettingsForm): Record<string, FormProblem> {
  const problems: Record<string, FormProblem> = {};
  if (form.requireApproval && !form.defaultApproverId) problems['defaultApproverId'] = 'chooseApprover';
  if (!form.baseCurrency.trim()) problems['baseCurrency'] = 'currencyRequired';
  for (const row of form.rates) {
    const code = row.currency.trim().toUpperCase();
    if (!code && row.rate.trim()) problems[`exchangeRates.#${row.key}`] = 'currencyRequired';
    else if (code && !row.rate.trim()) problems[`exchangeRates.${code}`] = 'rateRequired';
  }
  form.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    if (!rule.name.trim()) problems[`${at}.name`] = 'nameRequired';
    rule.when.forEach((group, j) => {
      if (group.conditions.length === 0) problems[`${at}.when.${j}.conditions`] = 'conditionsRequired';
      group.conditions.forEach((condition, k) => {
        const cat = `${at}.when.${j}.conditions.${k}`;
        if (fieldType(condition.field) === 'property' && !condition.property.trim()) problems[`${cat}.property`] = 'propertyRequired';
        const value = conditionValue(condition);
        if (condition.operator === 'between' && Array.isArray(value)) {
          value.forEach((end, n) => {
            if (end === '') problems[`${cat}.value.${n}`] = 'valueRequired';
          });
        } else if (isEmpty(value)) problems[`${cat}.value`] = 'valueRequired';
      });
    });
    if (rule.route.length === 0) problems[`${at}.route`] = 'stepsRequired';
    rule.route.forEach((step, j) => {
      if (step.groups.length === 0) problems[`${at}.route.${j}.groups`] = 'groupsRequired';
      step.groups.forEach((group, k) => {
        const gat = `${at}.route.${j}.groups.${k}`;
        if (group.approvers.length === 0) problems[`${gat}.approvers`] = 'approversRequired';
        group.approvers.forEach((approver, l) => {
          const aat = `${gat}.approvers.${l}`;
          if (approver.kind === 'user' && !approver.userId) problems[`${aat}.userId`] = 'chooseUser';
          if (approver.kind === 'team' && !approver.team.trim()) problems[`${aat}.team`] = 'teamRequired';
          if (approver.kind === 'manager') {
            const levels = numberOrText(approver.levels);
            if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < MANAGER_LEVELS.min || levels > MANAGER_LEVELS.max) problems[`${aat}.levels`] = 'levelsRange';
          }
        });
      });
    });
    checkEscalation(rule.escalation, `${at}.escalation`, problems);
  });
  checkBusinessHours(form.businessHours, problems);
  return problems;
}

// --- Where a problem is shown ---------------------------------------------------------------------

/** The ids of the page's controls, made of the keys of the parts they belong to. */
export const controlIds = {
  requireApproval: 'approval-require',
  defaultApprover: 'approval-approver',
  addRule: 'approval-add-rule',
  baseCurrency: 'approval-base-currency',
  addRate: 'approval-add-rate',
  rate: (row: number, part: 'currency' | 'rate') => `rate-${row}-${part}`,
  ruleHeading: (rule: number) => `rule-${rule}-heading`,
  ruleName: (rule: number) => `rule-${rule}-name`,
  firstMatch: (rule: number) => `rule-${rule}-first-match`,
  /** A watched field's checkbox; the first one's stands for the list (its problems are shown there). */
  watchedField: (rule: number, field: WatchedField = WATCHABLE_FIELDS[0]!) => `rule-${rule}-watch-${field}`,
  addConditionGroup: (rule: number) => `rule-${rule}-add-group`,
  addStep: (rule: number) => `rule-${rule}-add-step`,
  addCondition: (group: number) => `cgroup-${group}-add-condition`,
  condition: (condition: number, part: 'field' | 'property' | 'operator' | 'value' | 'from' | 'to') => `cond-${condition}-${part}`,
  addApproverGroup: (step: number) => `step-${step}-add-group`,
  mode: (group: number, mode: ApprovalMode) => `agroup-${group}-mode-${mode}`,
  addApprover: (group: number) => `agroup-${group}-add-approver`,
  approver: (approver: number, part: 'kind' | 'value') => `appr-${approver}-${part}`,
  remindAfter: (rule: number) => `rule-${rule}-remind-after`,
  escalateAfter: (rule: number) => `rule-${rule}-escalate-after`,
  escalateTo: (rule: number) => `rule-${rule}-escalate-to`,
  timeZone: 'approval-time-zone',
  /** A working day's checkbox; Monday's stands for the list (its problems are shown there). */
  workDay: (day: number = WEEKDAYS[0]) => `approval-work-day-${day}`,
  workStart: 'approval-work-start',
  workEnd: 'approval-work-end',
};

/** What a control is, and where in the policy: for the error summary ("Rule 2: Big discounts › Condition group 1 › Condition 1 › Value"). */
export interface ControlPlace {
  control:
    | 'requireApproval'
    | 'defaultApprover'
    | 'addRule'
    | 'baseCurrency'
    | 'addRate'
    | 'rateCurrency'
    | 'rate'
    | 'ruleName'
    | 'firstMatch'
    | 'watchedFields'
    | 'addConditionGroup'
    | 'addStep'
    | 'addCondition'
    | 'field'
    | 'property'
    | 'operator'
    | 'value'
    | 'from'
    | 'to'
    | 'addApproverGroup'
    | 'mode'
    | 'addApprover'
    | 'kind'
    | 'approverValue'
    | 'remindAfter'
    | 'escalateAfter'
    | 'escalateTo'
    | 'timeZone'
    | 'workDays'
    | 'workStart'
    | 'workEnd';
  /** 1-based places. */
  rule?: { number: number; name: string };
  conditionGroup?: number;
  condition?: number;
  step?: number;
  approverGroup?: number;
  approver?: number;
  /** For `approverValue`: whom the approver names (its value's label depends on it). */
  kind?: ApproverKind;
}

/** Every control of the form, by id, with its place (a problem of a control no longer there is not shown). */
export function controlPlaces(form: SettingsForm): Map<string, ControlPlace> {
  const places = new Map<string, ControlPlace>([
    [controlIds.requireApproval, { control: 'requireApproval' }],
    [controlIds.defaultApprover, { control: 'defaultApprover' }],
    [controlIds.addRule, { control: 'addRule' }],
    [controlIds.baseCurrency, { control: 'baseCurrency' }],
    [controlIds.addRate, { control: 'addRate' }],
    [controlIds.timeZone, { control: 'timeZone' }],
    [controlIds.workDay(), { control: 'workDays' }],
    [controlIds.workStart, { control: 'workStart' }],
    [controlIds.workEnd, { control: 'workEnd' }],
  ]);
  form.rates.forEach((row) => {
    places.set(controlIds.rate(row.key, 'currency'), { control: 'rateCurrency' });
    places.set(controlIds.rate(row.key, 'rate'), { control: 'rate' });
  });
  form.rules.forEach((rule, i) => {
    const r = { rule: { number: i + 1, name: rule.name.trim() } };
    places.set(controlIds.ruleName(rule.key), { ...r, control: 'ruleName' });
    places.set(controlIds.firstMatch(rule.key), { ...r, control: 'firstMatch' });
    places.set(controlIds.watchedField(rule.key), { ...r, control: 'watchedFields' });
    places.set(controlIds.remindAfter(rule.key), { ...r, control: 'remindAfter' });
    places.set(controlIds.escalateAfter(rule.key), { ...r, control: 'escalateAfter' });
    places.set(controlIds.escalateTo(rule.key), { ...r, control: 'escalateTo' });
    places.set(controlIds.addConditionGroup(rule.key), { ...r, control: 'addConditionGroup' });
    places.set(controlIds.addStep(rule.key), { ...r, control: 'addStep' });
    rule.when.forEach((group, j) => {
      const g = { ...r, conditionGroup: j + 1 };
      places.set(controlIds.addCondition(group.key), { ...g, control: 'addCondition' });
      group.conditions.forEach((condition, k) => {
        const c = { ...g, condition: k + 1 };
        for (const part of ['field', 'property', 'operator', 'value', 'from', 'to'] as const) places.set(controlIds.condition(condition.key, part), { ...c, control: part });
      });
    });
    rule.route.forEach((step, j) => {
      const s = { ...r, step: j + 1 };
      places.set(controlIds.addApproverGroup(step.key), { ...s, control: 'addApproverGroup' });
      step.groups.forEach((group, k) => {
        const g = { ...s, approverGroup: k + 1 };
        places.set(controlIds.mode(group.key, 'any'), { ...g, control: 'mode' });
        places.set(controlIds.addApprover(group.key), { ...g, control: 'addApprover' });
        group.approvers.forEach((approver, l) => {
          const a = { ...g, approver: l + 1 };
          places.set(controlIds.approver(approver.key, 'kind'), { ...a, control: 'kind' });
          places.set(controlIds.approver(approver.key, 'value'), { ...a, control: 'approverValue', kind: approver.kind });
        });
      });
    });
  });
  return places;
}

/**
 * The control an API field path is about (`rules.2.when.0.conditions.1.value` → that condition's
 * value; `rules.0.route.1.groups.0.approvers.0.userId` → that approver's person; a list that is
 * empty or too long → the button that adds to it), or null when the page has no control for it.
 * `exchangeRates.USD` is that row's code, or its rate when the problem is `aboutRate`.
 */
export function controlOf(path: string, form: SettingsForm, aboutRate = false): string | null {
  if (path === 'defaultApproverId') return controlIds.defaultApprover;
  if (path === 'requireApproval') return controlIds.requireApproval;
  if (path === 'rules') return controlIds.addRule;
  if (path === 'baseCurrency') return controlIds.baseCurrency;
  if (path === 'exchangeRates') return controlIds.addRate;
  if (path === 'businessHours' || path === 'businessHours.timeZone') return controlIds.timeZone;
  // `businessHours.days` or one of them (`businessHours.days.2`): the list, at its first checkbox.
  if (path === 'businessHours.days' || path.startsWith('businessHours.days.')) return controlIds.workDay();
  if (path === 'businessHours.start') return controlIds.workStart;
  if (path === 'businessHours.end') return controlIds.workEnd;
  if (path.startsWith('exchangeRates.')) {
    // `exchangeRates.USD` (the API's, by the code as sent), or `exchangeRates.#<key>` (a row without a code).
    const given = path.slice('exchangeRates.'.length);
    const row = given.startsWith('#') ? form.rates.find((r) => `#${r.key}` === given) : form.rates.find((r) => r.currency.trim().toUpperCase() === given.toUpperCase());
    if (!row) return controlIds.addRate;
    return controlIds.rate(row.key, aboutRate ? 'rate' : 'currency');
  }
  const parts = path.split('.');
  if (parts[0] !== 'rules') return null;
  const rule = form.rules[Number(parts[1])];
  if (!rule) return null;
  const [, , section, a, , c, d, e, f] = parts;
  if (section === undefined || section === 'name' || section === 'id') return controlIds.ruleName(rule.key);
  if (section === 'firstMatchOnly') return controlIds.firstMatch(rule.key);
  if (section === 'watchedFields') return controlIds.watchedField(rule.key);
  if (section === 'escalation') {
    if (a === 'escalateAfterHours') return controlIds.escalateAfter(rule.key);
    if (a === 'escalateTo') return controlIds.escalateTo(rule.key);
    return controlIds.remindAfter(rule.key);
  }
  if (section === 'when') {
    if (a === undefined) return controlIds.addConditionGroup(rule.key);
    const group = rule.when[Number(a)];
    if (!group) return controlIds.addConditionGroup(rule.key);
    // parts[4] is 'conditions'.
    if (c === undefined) return controlIds.addCondition(group.key);
    const condition = group.conditions[Number(c)];
    if (!condition) return controlIds.addCondition(group.key);
    if (d === 'operator') return controlIds.condition(condition.key, 'operator');
    if (d === 'property') return controlIds.condition(condition.key, 'property');
    if (d === 'value') {
      if (condition.operator !== 'between') return controlIds.condition(condition.key, 'value');
      return controlIds.condition(condition.key, e === '1' ? 'to' : 'from');
    }
    return controlIds.condition(condition.key, 'field');
  }
  if (section === 'route') {
    if (a === undefined) return controlIds.addStep(rule.key);
    const step = rule.route[Number(a)];
    if (!step) return controlIds.addStep(rule.key);
    // parts[4] is 'groups'.
    if (c === undefined) return controlIds.addApproverGroup(step.key);
    const group = step.groups[Number(c)];
    if (!group) return controlIds.addApproverGroup(step.key);
    if (d === 'mode') return controlIds.mode(group.key, 'any');
    // parts[6] is 'approvers'.
    if (e === undefined) return controlIds.addApprover(group.key);
    const approver = group.approvers[Number(e)];
    if (!approver) return controlIds.addApprover(group.key);
    if (f === undefined || f === 'kind') return controlIds.approver(approver.key, 'kind');
    return controlIds.approver(approver.key, 'value');
  }
  return controlIds.ruleName(rule.key);
}

/** Moves the item at `from` to `to` (both in range); false when nothing moved. */
export function moveTo<T>(items: T[], from: number, to: number): boolean {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length) return false;
  const [item] = items.splice(from, 1);
  if (item === undefined) return false;
  items.splice(to, 0, item);
  return true;
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); a move past either end does nothing. */
export function move<T>(items: T[], index: number, delta: -1 | 1): boolean {
  return moveTo(items, index, index + delta);
}
