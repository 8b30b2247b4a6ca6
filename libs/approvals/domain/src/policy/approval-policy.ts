// The approval policy: ordered rules, each with conditions (groups: a rule holds when all
// conditions of one of its groups hold), a route (steps of approver groups) and whether it ends
// the evaluation when it matches ("first match only") or stacks with the rules after it.
import { APPROVER_FIELDS, WATCHABLE_FIELDS, isWatchableField, type ApproverField, type ApproverRef, type RouteReason, type WatchableField } from '@qa/approvals-contracts';
import { DomainError } from '@qa/shared-kernel';
import { CurrencySettingsProblem, checkCurrencySettings } from './base-currency';
import { BusinessHoursProblem, checkBusinessHours, MAX_BUSINESS_HOURS, type BusinessHours } from './business-hours';
import { ConditionProblem, normaliseCondition, type Condition } from './condition-fields';
import { checkCondition, type RoutingFacts } from './conditions';

export interface ConditionGroup {
  /** All must hold. */
  conditions: Condition[];
}

export interface ApproverGroupSpec {
  approvers: ApproverRef[];
  mode: 'any' | 'all';
}

export interface RouteStepSpec {
  /** Run in parallel; the step completes when all complete. */
  groups: ApproverGroupSpec[];
}

export interface PolicyRule {
  id: string;
  name: string;
  /** Any group holds: the rule matches. No groups: every quote. */
  when: ConditionGroup[];
  route: RouteStepSpec[];
  /** When it matches, no later rule is looked at. */
  firstMatchOnly: boolean;
  /**
   * The quote fields whose change asks its groups again on resubmission (a group approved in the
   * previous round keeps its approval while none changed). Empty, or absent in rules saved before
   * it was kept: any change asks again.
   */
  watchedFields?: WatchableField[];
  /** Reminders and escalation of its steps, in business hours (absent or null: none). */
  escalation?: RuleEscalation | null;
}

/**
 * How long a step of the rule may wait: after `remindAfterHours` business hours its approvers are
 * reminded; after `escalateAfterHours` the step also goes to `escalateTo` (the waiting approvers'
 * managers, or the account's fallback approver), while the original approvers can still decide.
 */
export interface RuleEscalation {
  remindAfterHours: number | null;
  escalateAfterHours: number | null;
  escalateTo: 'manager' | 'fallback';
}

export interface ApprovalPolicyState {
  /** "Require approval on all quotes": a quote no rule matches goes to the default approver. */
  requireApproval: boolean;
  /** The Approver: of all quotes when required, and the fallback when a group resolves to nobody. */
  defaultApproverId: string | null;
  /** In order: the first is looked at first. */
  rules: PolicyRule[];
  /** The account's base currency (ISO 4217; EUR when not set), for `totalInBaseCurrency`. */
  baseCurrency?: string;
  /** Currency code → 1 unit of it in base currency, decimal text (see base-currency.ts). */
  exchangeRates?: Readonly<Record<string, string>>;
  /** The working week reminders and escalations count in (DEFAULT_BUSINESS_HOURS when not set). */
  businessHours?: BusinessHours;
}

export const POLICY_LIMITS = { rules: 50, groups: 10, conditions: 20, steps: 10, approverGroups: 10, approvers: 20, managerLevels: 10 } as const;

/** A rule that matched, with the conditions of the group that held. */
export interface RuleMatch {
  rule: PolicyRule;
  reasons: RouteReason[];
}

/** Whether a rule holds: the reasons of its first group whose conditions all hold; null when none does. */
export function matchRule(rule: PolicyRule, facts: RoutingFacts): RouteReason[] | null {
  if (rule.when.length === 0) return [{ code: 'always' }];
  for (const group of rule.when) {
    const reasons = group.conditions.map((c) => checkCondition(c, facts));
    if (reasons.every((r) => r !== null)) return reasons.length ? (reasons as RouteReason[]) : [{ code: 'always' }];
  }
  return null;
}

/** The rules that apply, in order: every matching rule, up to and including the first matching "first match only" one. */
export function matchingRules(policy: ApprovalPolicyState, facts: RoutingFacts): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const rule of policy.rules) {
    const reasons = matchRule(rule, facts);
    if (!reasons) continue;
    matches.push({ rule, reasons });
    if (rule.firstMatchOnly) break;
  }
  return matches;
}

/** A group of the route before resolution, with the rules that asked for it. */
export interface PlannedGroup extends ApproverGroupSpec {
  ruleIds: string[];
}

/**
 * The steps the matching rules ask for, merged by position: step 1 of every rule runs as step 1,
 * in parallel, and so on. A group asked for twice in the same step (same approvers, same mode) is
 * asked once, for both rules.
 */
export function plannedSteps(matches: RuleMatch[]): PlannedGroup[][] {
  const steps: PlannedGroup[][] = [];
  for (const { rule } of matches) {
    rule.route.forEach((step, i) => {
      const groups = (steps[i] ??= []);
      for (const group of step.groups) {
        const key = JSON.stringify([group.mode, group.approvers]);
        const same = groups.find((g) => JSON.stringify([g.mode, g.approvers]) === key);
        if (same) {
          if (!same.ruleIds.includes(rule.id)) same.ruleIds.push(rule.id);
        } else groups.push({ approvers: group.approvers, mode: group.mode, ruleIds: [rule.id] });
      }
    });
  }
  return steps;
}

// --- Checking a policy on save ---------------------------------------------------------------

function invalid(field: string, reason: string): DomainError {
  return new DomainError('APPROVALS.INVALID_SETTINGS', `${field}: ${reason}`, 'invalid', { fields: [{ field, reason }] });
}

function list(value: unknown, at: string, max: number, min = 0): unknown[] {
  if (!Array.isArray(value)) throw invalid(at, 'must be a list');
  if (value.length < min) throw invalid(at, min === 1 ? 'must not be empty' : `needs at least ${min}`);
  if (value.length > max) throw invalid(at, `at most ${max}`);
  return value;
}

function approverRef(raw: unknown, at: string, approverIds: ReadonlySet<string>): ApproverRef {
  const ref = (raw ?? {}) as Record<string, unknown>;
  switch (ref.kind) {
    case 'user':
      if (typeof ref.userId !== 'string' || !approverIds.has(ref.userId)) throw invalid(`${at}.userId`, 'must be an active manager or admin');
      return { kind: 'user', userId: ref.userId };
    case 'role':
      if (ref.role !== 'manager' && ref.role !== 'admin') throw invalid(`${at}.role`, 'must be manager or admin');
      return { kind: 'role', role: ref.role };
    case 'team':
      if (typeof ref.team !== 'string' || !ref.team.trim() || ref.team.length > 60) throw invalid(`${at}.team`, 'must be a team name of 1 to 60 characters');
      return { kind: 'team', team: ref.team.trim() };
    case 'manager': {
      const levels = ref.levels ?? 1;
      if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 1 || levels > POLICY_LIMITS.managerLevels) throw invalid(`${at}.levels`, `must be a whole number from 1 to ${POLICY_LIMITS.managerLevels}`);
      return { kind: 'manager', levels };
    }
    case 'field':
      if (!(APPROVER_FIELDS as readonly unknown[]).includes(ref.field)) throw invalid(`${at}.field`, `must be one of ${APPROVER_FIELDS.join(', ')}`);
      return { kind: 'field', field: ref.field as ApproverField };
    default:
      throw invalid(`${at}.kind`, 'must be one of user, role, team, manager, field');
  }
}

/** A rule's watch list as saved: known field names, each once, in the catalogue's order; not given: none. */
function watchedFields(raw: unknown, at: string): WatchableField[] {
  if (raw === undefined || raw === null) return [];
  const names = list(raw, at, WATCHABLE_FIELDS.length * 2);
  names.forEach((name, i) => {
    if (!isWatchableField(name)) throw invalid(`${at}.${i}`, `must be one of ${WATCHABLE_FIELDS.join(', ')}`);
  });
  return WATCHABLE_FIELDS.filter((field) => names.includes(field));
}

/** A rule's reminders and escalation as saved; null when it has none. */
function checkEscalation(raw: unknown, at: string): RuleEscalation | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(at, 'must be an object');
  const given = raw as Partial<Record<keyof RuleEscalation, unknown>>;
  const hours = (value: unknown, field: string): number | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_BUSINESS_HOURS || Math.round(value * 4) !== value * 4) {
      throw invalid(`${at}.${field}`, `must be business hours from 0.25 to ${MAX_BUSINESS_HOURS}, in quarter hours`);
    }
    return value;
  };
  const remindAfterHours = hours(given.remindAfterHours, 'remindAfterHours');
  const escalateAfterHours = hours(given.escalateAfterHours, 'escalateAfterHours');
  if (remindAfterHours !== null && escalateAfterHours !== null && escalateAfterHours <= remindAfterHours) throw invalid(`${at}.escalateAfterHours`, 'must be after the reminder');
  const escalateTo = given.escalateTo ?? 'manager';
  if (escalateTo !== 'manager' && escalateTo !== 'fallback') throw invalid(`${at}.escalateTo`, 'must be manager or fallback');
  if (remindAfterHours === null && escalateAfterHours === null) return null;
  return { remindAfterHours, escalateAfterHours, escalateTo };
}

/**
 * A policy as saved: every part checked (field, operator and a value of the field's type; known
 * approvers) and put in its checked form, or an `APPROVALS.INVALID_SETTINGS` error naming the first
 * wrong part (`rules.1.when.0.conditions.2.value`) and why. `approverIds`: the active managers and admins.
 */
export function checkPolicy(next: ApprovalPolicyState, approverIds: ReadonlySet<string>): ApprovalPolicyState {
  let currencies;
  try {
    currencies = checkCurrencySettings(next.baseCurrency, next.exchangeRates);
  } catch (error) {
    if (error instanceof CurrencySettingsProblem) throw invalid(error.field, error.reason);
    throw error;
  }
  if (next.requireApproval && !next.defaultApproverId) throw invalid('defaultApproverId', 'choose an approver to require approval on all quotes');
  if (next.defaultApproverId && !approverIds.has(next.defaultApproverId)) throw invalid('defaultApproverId', 'must be an active manager or admin');
  const given = list(next.rules, 'rules', POLICY_LIMITS.rules);
  const idOf = (raw: unknown) => ((raw as Partial<PolicyRule> | null)?.id ?? '').toString().trim();
  const taken = new Set(given.map(idOf).filter(Boolean));
  const ids = new Set<string>();
  let fresh = 0;
  const rules = given.map((raw, i): PolicyRule => {
    const at = `rules.${i}`;
    const rule = (raw ?? {}) as Partial<PolicyRule>;
    if (typeof rule.name !== 'string' || !rule.name.trim()) throw invalid(`${at}.name`, 'must not be empty');
    if (rule.name.trim().length > 100) throw invalid(`${at}.name`, 'at most 100 characters');
    let id = idOf(rule);
    if (id && ids.has(id)) throw invalid(`${at}.id`, 'is used by another rule');
    // A new rule gets an id no rule of this policy has.
    while (!id || ids.has(id) || (!idOf(rule) && taken.has(id))) id = `rule-${++fresh}`;
    ids.add(id);
    const when = list(rule.when, `${at}.when`, POLICY_LIMITS.groups).map((g, j) => ({
      conditions: list((g as ConditionGroup | undefined)?.conditions, `${at}.when.${j}.conditions`, POLICY_LIMITS.conditions, 1).map((c, k) => {
        try {
          return normaliseCondition(c as Partial<Condition>);
        } catch (error) {
          if (error instanceof ConditionProblem) throw invalid(`${at}.when.${j}.conditions.${k}.${error.at}`, error.reason);
          throw error;
        }
      }),
    }));
    const route = list(rule.route, `${at}.route`, POLICY_LIMITS.steps, 1).map((s, j) => ({
      groups: list((s as RouteStepSpec | undefined)?.groups, `${at}.route.${j}.groups`, POLICY_LIMITS.approverGroups, 1).map((g, k) => {
        const group = (g ?? {}) as Partial<ApproverGroupSpec>;
        const gat = `${at}.route.${j}.groups.${k}`;
        if (group.mode !== 'any' && group.mode !== 'all') throw invalid(`${gat}.mode`, 'must be any or all');
        return { mode: group.mode, approvers: list(group.approvers, `${gat}.approvers`, POLICY_LIMITS.approvers, 1).map((a, l) => approverRef(a, `${gat}.approvers.${l}`, approverIds)) };
      }),
    }));
    if (typeof rule.firstMatchOnly !== 'boolean') throw invalid(`${at}.firstMatchOnly`, 'must be true or false');
    const escalation = checkEscalation(rule.escalation, `${at}.escalation`);
    return { id, name: rule.name.trim(), when, route, firstMatchOnly: rule.firstMatchOnly, watchedFields: watchedFields(rule.watchedFields, `${at}.watchedFields`), ...(escalation ? { escalation } : {}) };
  });
  let businessHours;
  try {
    businessHours = checkBusinessHours(next.businessHours);
  } catch (error) {
    if (error instanceof BusinessHoursProblem) throw invalid(error.field, error.reason);
    throw error;
  }
  return { requireApproval: next.requireApproval, defaultApproverId: next.defaultApproverId, rules, ...currencies, businessHours };
}

/** Every user a policy names by id (the default approver and named users), to know which still may approve. */
export function namedApprovers(policy: ApprovalPolicyState): string[] {
  // Read before the policy is checked: any part may be missing.
  const all = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  const named = all(policy.rules).flatMap((r) => all(r?.route).flatMap((s) => all(s?.groups).flatMap((g) => all(g?.approvers).flatMap((a) => (a?.kind === 'user' && typeof a.userId === 'string' ? [a.userId] : [])))));
  return [...new Set([policy.defaultApproverId, ...named].filter((id): id is string => !!id))];
}
