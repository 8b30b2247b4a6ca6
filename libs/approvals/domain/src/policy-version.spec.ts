import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS } from './policy/business-hours';
import type { PolicyRule } from './policy/approval-policy';
import { comparePolicies, type PolicySnapshot } from './policy-version';

const rule = (id: string, name: string, overrides: Partial<PolicyRule> = {}): PolicyRule => ({
  id,
  name,
  when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
  route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] }] }],
  firstMatchOnly: false,
  ...overrides,
});

const policy = (overrides: Partial<PolicySnapshot> = {}): PolicySnapshot => ({
  requireApproval: false,
  defaultApproverId: 'manager-1',
  rules: [rule('r1', 'Big discounts'), rule('r2', 'Long terms')],
  baseCurrency: 'EUR',
  exchangeRates: { USD: '0.92' },
  businessHours: DEFAULT_BUSINESS_HOURS,
  reminderCooldownHours: null,
  ...overrides,
});

const blank = { ruleId: null, ruleName: null, fields: [], from: null, to: null, fromPosition: null, toPosition: null };

describe('comparePolicies', () => {
  it('finds nothing between a policy and itself, nor in key order or an absent watch list', () => {
    const same = policy({ rules: [{ ...rule('r1', 'Big discounts'), watchedFields: [], escalation: null }, rule('r2', 'Long terms')] });
    expect(comparePolicies(policy(), same)).toEqual([]);
  });

  it('lists changed settings with both values, exchange rates one currency at a time', () => {
    const next = policy({ requireApproval: true, defaultApproverId: null, reminderCooldownHours: 8, exchangeRates: { GBP: '1.17', USD: '0.95' } });
    expect(comparePolicies(policy(), next)).toEqual([
      { ...blank, code: 'setting-changed', path: 'requireApproval', from: false, to: true },
      { ...blank, code: 'setting-changed', path: 'defaultApproverId', from: 'manager-1', to: null },
      { ...blank, code: 'setting-changed', path: 'reminderCooldownHours', from: null, to: 8 },
      { ...blank, code: 'setting-changed', path: 'exchangeRates.GBP', from: null, to: '1.17' },
      { ...blank, code: 'setting-changed', path: 'exchangeRates.USD', from: '0.92', to: '0.95' },
    ]);
  });

  it('names rules added, removed and changed (with which parts), and rules whose order changed', () => {
    const next = policy({
      rules: [
        rule('r3', 'Foreign currency'),
        rule('r2', 'Long payment terms', { firstMatchOnly: true }),
        rule('r1', 'Big discounts', { watchedFields: ['total'], escalation: { remindAfterHours: 8, escalateAfterHours: null, escalateTo: 'manager' } }),
      ],
    });
    expect(comparePolicies(policy(), next)).toEqual([
      { ...blank, code: 'rule-added', path: 'rules.r3', ruleId: 'r3', ruleName: 'Foreign currency', toPosition: 0 },
      { ...blank, code: 'rule-changed', path: 'rules.r2', ruleId: 'r2', ruleName: 'Long payment terms', fields: ['name', 'firstMatchOnly'] },
      { ...blank, code: 'rule-changed', path: 'rules.r1', ruleId: 'r1', ruleName: 'Big discounts', fields: ['watchedFields', 'escalation'] },
      { ...blank, code: 'rule-moved', path: 'rules.r1', ruleId: 'r1', ruleName: 'Big discounts', fromPosition: 0, toPosition: 2 },
    ]);
    // r2 kept its position (second) while r1 went below it: only r1 moved.
    // Removing a rule moves no other: the ones after it only shift up.
    expect(comparePolicies(policy(), policy({ rules: [rule('r2', 'Long terms')] }))).toEqual([
      { ...blank, code: 'rule-removed', path: 'rules.r1', ruleId: 'r1', ruleName: 'Big discounts', fromPosition: 0 },
    ]);
  });
});
