// An approval route in words, in the user's language: why a rule matched (a RouteReason: "discount
// 25% > 20%"), why a group's approvers differ from what its rule names (a ResolutionNote: "Max
// Manager is the quote’s owner, so the step moved up to Ada Admin"), whom a rule names (an
// ApproverRef: "the owner’s manager"), and lists of people ("Max Manager or Ada Admin"). The API
// sends codes with parameters; only this file turns them into sentences. Pure functions over a
// translate function and a locale, so they are tested without mounting anything.
import { useI18n } from 'vue-i18n';
import { formatCount, formatMoney, formatPercent, intlLocale } from '../../i18n/format';
import type { ApprovalPreview, ApproverRef, ConditionFieldType, ResolutionNote, RouteReason, RouteStep, RuleField, RuleOperator } from './approvals-api';

/** vue-i18n's `t`, as these functions use it (`plural`: the count that picks "day" or "days"). */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

export interface Words {
  t: Translate;
  /** The app locale ('en', 'nl'). */
  locale: string;
}

/** A user's name by id (a placeholder when unknown). */
export type NameOf = (userId: string) => string;

/** The type of each field a rule may look at, as GET /approvals/condition-fields answers it. */
export const FIELD_TYPES: Readonly<Record<RuleField, ConditionFieldType>> = {
  total: 'money',
  discountAmount: 'money',
  effectiveDiscountPercent: 'percent',
  largestLineDiscountPercent: 'percent',
  lineCount: 'count',
  product: 'products',
  recurring: 'boolean',
  paymentTermsDays: 'days',
  daysUntilExpiry: 'days',
  currency: 'currency',
  dealStage: 'dealStage',
  dealAmount: 'money',
  ownerRole: 'role',
  ownerTeam: 'text',
  companyCountry: 'country',
  totalInBaseCurrency: 'money',
  quoteProperty: 'property',
};

const DEAL_STAGE_KEYS = new Set(['appointment_scheduled', 'qualified_to_buy', 'presentation_scheduled', 'decision_maker_bought_in', 'contract_sent', 'closed_won', 'closed_lost']);
const ROLE_KEYS = new Set(['rep', 'manager', 'admin']);
/** The API's skip causes as message keys (no dashes in the keys). */
const CAUSE_KEYS: Readonly<Record<ResolutionNote['because'], string>> = {
  owner: 'owner',
  submitter: 'submitter',
  inactive: 'inactive',
  'not-approver': 'notApprover',
  none: 'none',
};

function isField(field: unknown): field is RuleField {
  return typeof field === 'string' && Object.hasOwn(FIELD_TYPES, field);
}

/** The first letter in upper case: a clause that starts a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "a, b and c" / "a, b or c" in the user's language (Intl), or "a, b" where Intl lacks it. */
export function listText(items: readonly string[], type: 'conjunction' | 'disjunction', locale: string): string {
  try {
    return new Intl.ListFormat(intlLocale(locale), { type }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** One value of a field, as people read it: money with its currency, percentages, days, labels for codes. */
function oneValue(type: ConditionFieldType | undefined, value: unknown, currency: string | undefined, words: Words): string {
  const { t, locale } = words;
  if (value === null || value === undefined || value === '') return t('approvalRoute.none');
  if (typeof value === 'boolean') return t(value ? 'approvalRoute.yes' : 'approvalRoute.no');
  const text = String(value);
  switch (type) {
    case 'money':
      return currency ? formatMoney(text, currency, locale) : text;
    case 'percent':
      return formatPercent(text, locale);
    case 'count':
      return typeof value === 'number' ? formatCount(value, locale) : text;
    case 'days':
      return typeof value === 'number' ? t('approvalRoute.days', { count: formatCount(value, locale) }, Math.abs(value)) : text;
    case 'dealStage':
      return DEAL_STAGE_KEYS.has(text) ? t(`approvalSettings.dealStages.${text}`) : text;
    case 'role':
      return ROLE_KEYS.has(text) ? t(`roles.${text}`) : text;
    case 'boolean':
      if (text === 'true' || text === 'false') return t(text === 'true' ? 'approvalRoute.yes' : 'approvalRoute.no');
      return text;
    default:
      return text;
  }
}

/**
 * A condition's value (the rule's, or the quote's) in words: a list joined ("EUR, USD"), a range
 * as "from–to", a missing value as "none".
 */
export function valueText(field: RuleField | string, operator: RuleOperator | string | undefined, value: unknown, currency: string | undefined, words: Words): string {
  const type = isField(field) ? FIELD_TYPES[field] : undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => oneValue(type, item, currency, words));
    if (operator === 'between' && items.length === 2) return words.t('approvalRoute.range', { from: items[0], to: items[1] });
    return items.length ? items.join(', ') : words.t('approvalRoute.none');
  }
  return oneValue(type, value, currency, words);
}

/** A field's name in words; a quote property with its name ("quote property risk_level"). */
function fieldLabel(field: string, property: string | undefined, words: Words): string {
  if (!isField(field)) return field;
  return words.t(`approvalRoute.fields.${field}`, field === 'quoteProperty' ? { property: property ?? '' } : {});
}

/** The words of an operator: a quote property "contains" a text (products "include" a product). */
function operatorKey(field: string, operator: string): string {
  return field === 'quoteProperty' && operator === 'contains' ? 'containsText' : operator;
}

/** Why a rule matched, in words: "discount 25% > 20%", "deal stage: Contract sent", "approval is required on all quotes". */
export function reasonText(reason: RouteReason, words: Words): string {
  const { t } = words;
  switch (reason.code) {
    case 'always':
      return t('approvalRoute.reasons.always');
    case 'all-quotes':
      return t('approvalRoute.reasons.allQuotes');
    case 'legacy':
      return reason.text ?? '';
    case 'condition': {
      const field = reason.field ?? '';
      const operator = reason.operator ?? '';
      const label = fieldLabel(field, reason.property, words);
      // The API types these loosely: they are the rule's and the quote's own values.
      const expected = valueText(field, operator, reason.expected as unknown, reason.currency, words);
      const actual = valueText(field, undefined, reason.actual as unknown, reason.currency, words);
      if (operator === 'eq' && actual === expected) return t('approvalRoute.reasons.equals', { field: label, value: actual });
      const symbol = operator ? t(`approvalRoute.operators.${operatorKey(field, operator)}`) : '';
      return t('approvalRoute.reasons.condition', { field: label, actual, operator: symbol, expected });
    }
    default:
      return '';
  }
}

/** A rule's condition in words, without a quote: "discount > 20%", "currency is one of USD, GBP". */
export function conditionText(condition: { field: RuleField; property?: string; operator: RuleOperator; value: unknown }, words: Words): string {
  const { t } = words;
  return t('approvalRoute.ruleCondition', {
    field: fieldLabel(condition.field, condition.property, words),
    operator: t(`approvalRoute.operators.${operatorKey(condition.field, condition.operator)}`),
    value: valueText(condition.field, condition.operator, condition.value, undefined, words),
  });
}

/** All the reasons of the rules that matched, once each, joined: "discount 25% > 20% and total ≥ €10,000.00". */
export function reasonsText(reasons: readonly RouteReason[], words: Words): string {
  const texts = [...new Set(reasons.map((reason) => reasonText(reason, words)).filter(Boolean))];
  return listText(texts, 'conjunction', words.locale);
}

/** Whom a rule names, in words: a user's name, "everyone with the role Sales manager", "team Finance", "the owner’s manager". */
export function approverRefText(ref: ApproverRef, nameOf: NameOf, words: Words): string {
  const { t } = words;
  switch (ref.kind) {
    case 'user':
      return nameOf(ref.userId ?? '');
    case 'role':
      return t('approvalRoute.refs.role', { role: ref.role && ROLE_KEYS.has(ref.role) ? t(`roles.${ref.role}`) : (ref.role ?? '') });
    case 'team':
      return t('approvalRoute.refs.team', { team: ref.team ?? '' });
    case 'manager': {
      const levels = ref.levels ?? 1;
      return levels <= 1 ? t('approvalRoute.refs.manager') : t('approvalRoute.refs.managerUp', { levels: formatCount(levels, words.locale) });
    }
    case 'field':
      return t(ref.field === 'companyOwner' ? 'approvalRoute.refs.companyOwner' : 'approvalRoute.refs.dealOwner');
    default:
      return '';
  }
}

/**
 * Why a group's approvers differ from what its rule names, as a sentence: "Max Manager is the
 * quote’s owner, so the step moved up to Ada Admin."
 */
export function noteText(note: ResolutionNote, nameOf: NameOf, words: Words): string {
  const { t } = words;
  const cause = CAUSE_KEYS[note.because] ?? 'none';
  const named = note.code === 'moved-up' && note.skipped;
  const causeText = named ? t(`approvalRoute.causes.named.${cause}`, { name: nameOf(note.skipped as string) }) : t(`approvalRoute.causes.group.${cause}`);
  const to = note.to ? nameOf(note.to) : '';
  switch (note.code) {
    case 'moved-up':
      return sentence(t('approvalRoute.notes.movedUp', { cause: causeText, to }));
    case 'fallback':
      return sentence(t('approvalRoute.notes.fallback', { cause: causeText, to }));
    case 'unresolved':
      return sentence(t('approvalRoute.notes.unresolved', { cause: causeText }));
    default:
      return '';
  }
}

/** The steps (1 = first) of a preview's route with a group nobody can approve. */
export function unresolvedSteps(preview: ApprovalPreview): number[] {
  return (preview.route?.steps ?? []).filter((step) => step.groups.length === 0 || step.groups.some((group) => group.approvers.length === 0)).map((step) => step.step);
}

/** "Max Manager or Ada Admin" (any one), "Max Manager and Ada Admin" (all); the groups of a step side by side. */
function stepPeople(step: RouteStep, nameOf: NameOf, words: Words): string {
  const groups = step.groups
    .map((group) =>
      listText(
        group.approvers.map((approver) => nameOf(approver.userId)),
        group.mode === 'all' ? 'conjunction' : 'disjunction',
        words.locale,
      ),
    )
    .filter(Boolean);
  return listText(groups, 'conjunction', words.locale);
}

/**
 * A preview (the route a quote would get) as one sentence: "Needs approval from Mia Manager, then
 * Dirk Director, because discount 25% > 20%", "No approval needed", or that nobody can approve a step.
 */
export function previewText(preview: ApprovalPreview, nameOf: NameOf, words: Words): string {
  const { t } = words;
  if (!preview.required) return t('approvalSummary.notNeeded');
  const route = preview.route;
  const reasons = reasonsText(
    (route?.rules ?? []).flatMap((rule) => rule.reasons),
    words,
  );
  const unresolved = unresolvedSteps(preview);
  if (!preview.complete || unresolved.length) {
    return t('approvalSummary.incomplete', { reasons, steps: listText(unresolved.map(String), 'conjunction', words.locale) });
  }
  const steps = (route?.steps ?? []).map((step) => stepPeople(step, nameOf, words)).filter(Boolean);
  if (steps.length === 0) return t('approvalSummary.needsNoApprover', { reasons });
  const approvers = steps.reduce((before, after) => t('approvalSummary.then', { before, after }));
  return t('approvalSummary.needs', { approvers, reasons });
}

/** The functions above bound to the current language (they read the locale on each call). */
export function useRouteWords() {
  const { t, locale } = useI18n({ useScope: 'global' });
  const words = (): Words => ({ t: (key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)), locale: locale.value });
  return {
    words,
    reason: (reason: RouteReason) => reasonText(reason, words()),
    reasons: (reasons: readonly RouteReason[]) => reasonsText(reasons, words()),
    condition: (condition: { field: RuleField; property?: string; operator: RuleOperator; value: unknown }) => conditionText(condition, words()),
    note: (note: ResolutionNote, nameOf: NameOf) => noteText(note, nameOf, words()),
    ref: (ref: ApproverRef, nameOf: NameOf) => approverRefText(ref, nameOf, words()),
    list: (items: readonly string[], type: 'conjunction' | 'disjunction') => listText(items, type, locale.value),
    preview: (preview: ApprovalPreview, nameOf: NameOf) => previewText(preview, nameOf, words()),
  };
}
