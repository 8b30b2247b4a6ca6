// The approval policy's history: every save of the settings writes one immutable version (the
// settings' version after the save) with a full snapshot of the policy, its author, time and note.
// Two versions compare as a list of structured differences (codes and paths, never sentences).
import { DomainError } from '@qa/shared-kernel';
import type { ApprovalSettings } from './approval-settings';
import type { BusinessHours } from './policy/business-hours';
import type { PolicyRule } from './policy/approval-policy';

export const MAX_CHANGE_NOTE_LENGTH = 500;

/** Everything a save sets: the policy as it was after that save. */
export interface PolicySnapshot {
  requireApproval: boolean;
  defaultApproverId: string | null;
  rules: PolicyRule[];
  baseCurrency: string;
  exchangeRates: Record<string, string>;
  businessHours: BusinessHours;
  /** Null: the default (24 hours). */
  reminderCooldownHours: number | null;
}

/** One saved version of the policy. Written once, in the save's transaction; never changed. */
export class PolicyVersion {
  /** The settings' version after the save that wrote it. */
  version!: number;
  snapshot!: PolicySnapshot;
  /** Who saved it (null: the settings as the versions found them, saved by nobody known). */
  authorId!: string | null;
  createdAt!: Date;
  note!: string | null;
  /** The version a restore copied; null for an ordinary save. */
  restoredFrom!: number | null;

  static of(settings: ApprovalSettings, version: number, note: string | null | undefined, restoredFrom: number | null, at: Date): PolicyVersion {
    return Object.assign(new PolicyVersion(), { version, snapshot: policySnapshot(settings), authorId: settings.updatedBy, createdAt: at, note: checkChangeNote(note), restoredFrom });
  }
}

/** A change note: trimmed, empty → null, at most 500 characters (else 422 naming `changeNote`). */
export function checkChangeNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_CHANGE_NOTE_LENGTH) {
    throw new DomainError('APPROVALS.INVALID_SETTINGS', `changeNote must be at most ${MAX_CHANGE_NOTE_LENGTH} characters`, 'invalid', {
      fields: [{ field: 'changeNote', reason: `must be at most ${MAX_CHANGE_NOTE_LENGTH} characters` }],
    });
  }
  return trimmed || null;
}

/** A deep copy of the policy the settings hold now. */
export function policySnapshot(s: ApprovalSettings): PolicySnapshot {
  return structuredClone({
    requireApproval: s.requireApproval,
    defaultApproverId: s.defaultApproverId,
    rules: s.rules,
    baseCurrency: s.baseCurrency,
    exchangeRates: { ...(s.exchangeRates ?? {}) },
    businessHours: s.businessHours,
    reminderCooldownHours: s.reminderCooldownHours ?? null,
  });
}

/** The parts of a rule a difference names when the rule changed. */
export const RULE_FIELDS = ['name', 'when', 'route', 'firstMatchOnly', 'watchedFields', 'escalation'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The settings a difference names (exchange rates one by one: `exchangeRates.USD`). */
export const POLICY_SETTING_FIELDS = ['requireApproval', 'defaultApproverId', 'baseCurrency', 'businessHours', 'reminderCooldownHours'] as const;

/**
 * One difference between two versions, `from` → `to`:
 * - `setting-changed`: `path` a setting (`requireApproval`, `exchangeRates.USD`, …) with its two values (null: not set);
 * - `rule-added` / `rule-removed`: the rule (`path` `rules.<id>`) with its name and position (0-based);
 * - `rule-changed`: the rule kept its id; `fields` tells which of its parts changed;
 * - `rule-moved`: the rule's position changed (`fromPosition` → `toPosition`).
 */
export interface PolicyDifference {
  code: 'setting-changed' | 'rule-added' | 'rule-removed' | 'rule-changed' | 'rule-moved';
  path: string;
  ruleId: string | null;
  ruleName: string | null;
  fields: RuleField[];
  from: unknown;
  to: unknown;
  fromPosition: number | null;
  toPosition: number | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
/** Key order and absent-vs-empty do not count as changes. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, normal(v)]),
    );
  }
  return value;
}

const difference = (code: PolicyDifference['code'], path: string, rest: Partial<PolicyDifference> = {}): PolicyDifference => ({
  code,
  path,
  ruleId: null,
  ruleName: null,
  fields: [],
  from: null,
  to: null,
  fromPosition: null,
  toPosition: null,
  ...rest,
});

/** A rule's part as compared: absent watch lists and escalations read as none. */
function rulePart(rule: PolicyRule, field: RuleField): unknown {
  if (field === 'watchedFields') return rule.watchedFields ?? [];
  if (field === 'escalation') return rule.escalation ?? null;
  return rule[field];
}

/** The differences from `a` to `b`: settings first (in a fixed order), then rules by position in `b`, removed ones last. */
export function comparePolicies(a: PolicySnapshot, b: PolicySnapshot): PolicyDifference[] {
  const out: PolicyDifference[] = [];
  for (const field of POLICY_SETTING_FIELDS) {
    if (!same(a[field], b[field])) out.push(difference('setting-changed', field, { from: a[field] ?? null, to: b[field] ?? null }));
  }
  const currencies = [...new Set([...Object.keys(a.exchangeRates ?? {}), ...Object.keys(b.exchangeRates ?? {})])].sort();
  for (const code of currencies) {
    const from = a.exchangeRates?.[code] ?? null;
    const to = b.exchangeRates?.[code] ?? null;
    if (from !== to) out.push(difference('setting-changed', `exchangeRates.${code}`, { from, to }));
  }
  const before = new Map(a.rules.map((rule, position) => [rule.id, { rule, position }]));
  const after = new Set(b.rules.map((r) => r.id));
  b.rules.forEach((rule, position) => {
    const old = before.get(rule.id);
    const at = { ruleId: rule.id, ruleName: rule.name };
    if (!old) return void out.push(difference('rule-added', `rules.${rule.id}`, { ...at, toPosition: position }));
    const fields = RULE_FIELDS.filter((f) => !same(rulePart(old.rule, f), rulePart(rule, f)));
    if (fields.length) out.push(difference('rule-changed', `rules.${rule.id}`, { ...at, fields }));
    // Moved: its place among the rules both versions have changed (not merely shifted by an added or
    // removed rule), and so did its position.
    const kept = (rules: PolicyRule[]) => rules.filter((r) => before.has(r.id) && after.has(r.id)).map((r) => r.id);
    if (kept(a.rules).indexOf(rule.id) !== kept(b.rules).indexOf(rule.id) && old.position !== position) out.push(difference('rule-moved', `rules.${rule.id}`, { ...at, fromPosition: old.position, toPosition: position }));
  });
  a.rules.forEach((rule, position) => {
    if (!after.has(rule.id)) out.push(difference('rule-removed', `rules.${rule.id}`, { ruleId: rule.id, ruleName: rule.name, fromPosition: position }));
  });
  return out;
}

/** 404 `APPROVALS.POLICY_VERSION_NOT_FOUND`: no such version of the policy. */
export const policyVersionNotFound = (version: number) => new DomainError('APPROVALS.POLICY_VERSION_NOT_FOUND', `The policy has no version ${version}`, 'not-found', { version });
