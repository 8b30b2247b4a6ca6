import type { ApprovalVerdict, QuoteApprovalFacts } from '@qa/approvals-contracts';
import { formatMinor, parseMoney } from '@qa/shared-kernel';

export const RULE_FIELDS = ['total', 'effectiveDiscountPercent', 'largestLineDiscountPercent', 'currency', 'dealStage'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'in'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export interface RuleCondition {
  field: RuleField;
  operator: RuleOperator;
  /** Amounts in the quote currency's major unit ("10000"), percentages ("20"), codes ("EUR"), lists. */
  value: string | string[];
}

export interface ApprovalRule {
  id: string;
  name: string;
  /** Lower first. The first rule whose conditions all hold decides. */
  priority: number;
  conditions: RuleCondition[];
  approverIds: string[];
  mode: 'any' | 'all';
}

export interface ApprovalSettingsState {
  /** "Require approval on all quotes": quotes no rule matches go to the default approver. */
  requireApproval: boolean;
  defaultApproverId: string | null;
  rules: ApprovalRule[];
}

const FIELD_LABEL: Record<RuleField, string> = {
  total: 'total',
  effectiveDiscountPercent: 'discount',
  largestLineDiscountPercent: 'line discount',
  currency: 'currency',
  dealStage: 'deal stage',
};
const SYMBOL: Record<RuleOperator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', neq: '≠', in: 'in' };

/** A fact as a comparable value and as people read it. */
function fact(field: RuleField, facts: QuoteApprovalFacts): { value: number | string | null; shown: string } {
  switch (field) {
    case 'total':
      // Compared in minor units: the threshold is parsed in the quote's currency, no floats.
      return { value: facts.totalMinor, shown: `${formatMinor(facts.totalMinor, facts.currency)} ${facts.currency}` };
    case 'effectiveDiscountPercent':
      return { value: facts.effectiveDiscountBp / 100, shown: `${(facts.effectiveDiscountBp / 100).toFixed(2)}%` };
    case 'largestLineDiscountPercent':
      return { value: facts.largestLineDiscountBp / 100, shown: `${(facts.largestLineDiscountBp / 100).toFixed(2)}%` };
    case 'currency':
      return { value: facts.currency, shown: facts.currency };
    case 'dealStage':
      return { value: facts.dealStage, shown: facts.dealStage ?? 'none' };
  }
}

function threshold(field: RuleField, expected: string, currency: string): number {
  if (field !== 'total') return Number(expected);
  try {
    return parseMoney(expected, currency);
  } catch {
    return NaN;
  }
}

/** Whether a condition holds, and the reason in words when it does. */
export function checkCondition(condition: RuleCondition, facts: QuoteApprovalFacts): string | null {
  const { value, shown } = fact(condition.field, facts);
  const expected = condition.value;
  const percent = condition.field.endsWith('Percent') ? '%' : '';
  const unit = condition.field === 'total' ? ` ${facts.currency}` : percent;
  const reason = `${FIELD_LABEL[condition.field]} ${shown} ${SYMBOL[condition.operator]} ${Array.isArray(expected) ? expected.join(', ') : expected}${unit}`;
  let holds: boolean;
  if (condition.operator === 'in') holds = Array.isArray(expected) && value !== null && expected.includes(String(value));
  else if (condition.operator === 'eq') holds = String(value) === String(expected);
  else if (condition.operator === 'neq') holds = String(value) !== String(expected);
  else {
    const a = typeof value === 'number' ? value : NaN;
    const b = Array.isArray(expected) ? NaN : threshold(condition.field, expected, facts.currency);
    holds = Number.isFinite(a) && Number.isFinite(b) && (condition.operator === 'gt' ? a > b : condition.operator === 'gte' ? a >= b : condition.operator === 'lt' ? a < b : a <= b);
  }
  return holds ? reason : null;
}

/**
 * Who must approve a quote and why: the first rule (by priority) whose conditions all hold;
 * otherwise, when approval is required on all quotes, the default approver. The quote's owner and
 * whoever submits it are never among its approvers; with `approvable` (the ids of active managers
 * and admins, read at that moment) neither is anyone who may not approve now.
 */
export function evaluateApproval(settings: ApprovalSettingsState, facts: QuoteApprovalFacts, approvable?: ReadonlySet<string>): ApprovalVerdict {
  for (const rule of [...settings.rules].sort((a, b) => a.priority - b.priority)) {
    const reasons = rule.conditions.map((c) => checkCondition(c, facts));
    if (reasons.every((r) => r !== null)) {
      return verdict(rule.approverIds, rule.mode, rule.conditions.length ? (reasons as string[]) : ['all quotes'], rule.name, facts, approvable);
    }
  }
  if (settings.requireApproval && settings.defaultApproverId) {
    return verdict([settings.defaultApproverId], 'any', ['approval is required on all quotes'], 'All quotes', facts, approvable);
  }
  return { required: false, approverIds: [], mode: 'any', reasons: [], ruleName: null };
}

/** Every approver a verdict may name, before the owner, the submitter and inactive users are left out. */
export function namedApprovers(settings: ApprovalSettingsState): string[] {
  return [...new Set([settings.defaultApproverId, ...settings.rules.flatMap((r) => r.approverIds)].filter((id): id is string => !!id))];
}

function verdict(approverIds: string[], mode: 'any' | 'all', reasons: string[], ruleName: string, facts: QuoteApprovalFacts, approvable?: ReadonlySet<string>): ApprovalVerdict {
  const named = [...new Set(approverIds)].filter((id) => id !== facts.ownerId && id !== facts.submittedBy);
  const eligible = approvable ? named.filter((id) => approvable.has(id)) : named;
  let why = reasons;
  if (!eligible.length) {
    why = [...reasons, named.length ? 'no active approver: an admin must choose one' : 'no approver other than the quote owner (or whoever submits it): an admin must choose one'];
  }
  return { required: true, approverIds: eligible, mode, reasons: why, ruleName };
}
