import type { ApproverRef } from '@qa/approvals-contracts';
import { DomainError } from '@qa/shared-kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPolicy, matchingRules, matchRule, namedApprovers, plannedSteps, type ApprovalPolicyState, type ApproverGroupSpec, type PolicyRule, type RuleMatch } from './approval-policy';
import { DEFAULT_BUSINESS_HOURS } from './business-hours';
import type { Condition } from './condition-fields';
import type { RoutingFacts } from './conditions';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  ownerId: 'rep',
  submittedBy: 'rep',
  currency: 'EUR',
  totalMinor: 1_000_000,
  discountMinor: 50_000,
  effectiveDiscountBp: 1500,
  largestLineDiscountBp: 2000,
  lineCount: 3,
  productNames: ['Widget Pro'],
  recurring: false,
  paymentTermsDays: 30,
  daysUntilExpiry: 14,
  dealStage: 'contract_sent',
  dealAmountMinor: 2_000_000,
  dealCurrency: 'EUR',
  dealOwnerId: null,
  companyOwnerId: null,
  ownerRole: 'rep',
  ownerTeam: 'Sales',
  ...overrides,
});

const MANAGER: ApproverGroupSpec = { mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] };
const rule = (id: string, over: Partial<PolicyRule> = {}): PolicyRule => ({ id, name: `Rule ${id}`, when: [], route: [{ groups: [MANAGER] }], firstMatchOnly: false, ...over });
const lineCount = (operator: Condition['operator'], value: number): Condition => ({ field: 'lineCount', operator, value });
/** A rule's conditions that hold (or not) for a quote of 3 lines. */
const HOLDS: Condition = lineCount('gte', 0);
const FAILS: Condition = lineCount('gt', 10_000);

describe('matchRule', () => {
  it('matches every quote when it has no conditions', () => {
    expect(matchRule(rule('r'), facts())).toEqual([{ code: 'always' }]);
  });

  it('needs all conditions of a group (AND), and gives their reasons in order', () => {
    const r = rule('r', { when: [{ conditions: [lineCount('gte', 3), { field: 'effectiveDiscountPercent', operator: 'gt', value: 10 }] }] });
    expect(matchRule(r, facts())).toEqual([
      { code: 'condition', field: 'lineCount', operator: 'gte', expected: 3, actual: 3 },
      { code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 10, actual: 15 },
    ]);
    expect(matchRule(r, facts({ effectiveDiscountBp: 1000 }))).toBeNull();
    expect(matchRule(r, facts({ lineCount: 2 }))).toBeNull();
  });

  it('needs one group (OR), and gives the reasons of the first group that holds', () => {
    const r = rule('r', { when: [{ conditions: [FAILS] }, { conditions: [lineCount('eq', 3)] }, { conditions: [lineCount('lt', 5)] }] });
    expect(matchRule(r, facts())).toEqual([{ code: 'condition', field: 'lineCount', operator: 'eq', expected: 3, actual: 3 }]);
    expect(matchRule(r, facts({ lineCount: 4 }))).toEqual([{ code: 'condition', field: 'lineCount', operator: 'lt', expected: 5, actual: 4 }]);
    expect(matchRule(r, facts({ lineCount: 7 }))).toBeNull();
  });

  it('holds iff some group has all its conditions true (property)', () => {
    const ops = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
    const truth = (op: (typeof ops)[number], bound: number, x: number) => ({ gt: x > bound, gte: x >= bound, lt: x < bound, lte: x <= bound, eq: x === bound, neq: x !== bound })[op];
    const conditionArb = fc.record({ operator: fc.constantFrom(...ops), value: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.array(fc.array(conditionArb, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (count, groups) => {
        const r = rule('r', { when: groups.map((g) => ({ conditions: g.map((c) => lineCount(c.operator, c.value)) })) });
        const result = matchRule(r, facts({ lineCount: count }));
        const first = groups.findIndex((g) => g.every((c) => truth(c.operator, c.value, count)));
        if (groups.length === 0) expect(result).toEqual([{ code: 'always' }]);
        else if (first < 0) expect(result).toBeNull();
        else expect(result).toEqual(groups[first]!.map((c) => ({ code: 'condition', field: 'lineCount', operator: c.operator, expected: c.value, actual: count })));
      }),
    );
  });
});

describe('matchingRules', () => {
  const policy = (rules: PolicyRule[]): ApprovalPolicyState => ({ requireApproval: false, defaultApproverId: null, rules });
  const ids = (matches: RuleMatch[]) => matches.map((m) => m.rule.id);

  it('stacks every matching rule, in order, with its reasons', () => {
    const matches = matchingRules(policy([rule('a', { when: [{ conditions: [HOLDS] }] }), rule('b', { when: [{ conditions: [FAILS] }] }), rule('c')]), facts());
    expect(matches).toEqual([
      { rule: expect.objectContaining({ id: 'a' }), reasons: [{ code: 'condition', field: 'lineCount', operator: 'gte', expected: 0, actual: 3 }] },
      { rule: expect.objectContaining({ id: 'c' }), reasons: [{ code: 'always' }] },
    ]);
  });

  it('stops at the first matching "first match only" rule; one that does not match does not stop', () => {
    const rules = [rule('a'), rule('b', { when: [{ conditions: [FAILS] }], firstMatchOnly: true }), rule('c', { firstMatchOnly: true }), rule('d')];
    expect(ids(matchingRules(policy(rules), facts()))).toEqual(['a', 'c']);
  });

  it('is empty when no rule matches', () => {
    expect(matchingRules(policy([rule('a', { when: [{ conditions: [FAILS] }] })]), facts())).toEqual([]);
    expect(matchingRules(policy([]), facts())).toEqual([]);
  });

  const specsArb = fc.array(fc.record({ matches: fc.boolean(), firstMatchOnly: fc.boolean() }), { maxLength: 12 });
  const rulesOf = (specs: Array<{ matches: boolean; firstMatchOnly: boolean }>) =>
    specs.map((s, i) => rule(`r${i}`, { when: [{ conditions: [s.matches ? HOLDS : FAILS] }], firstMatchOnly: s.firstMatchOnly }));

  it('returns the matching rules in order up to and including the first matching "first match only" one (property)', () => {
    fc.assert(
      fc.property(specsArb, (specs) => {
        const expected: string[] = [];
        for (const [i, s] of specs.entries()) {
          if (!s.matches) continue;
          expected.push(`r${i}`);
          if (s.firstMatchOnly) break;
        }
        expect(ids(matchingRules(policy(rulesOf(specs)), facts()))).toEqual(expected);
      }),
    );
  });

  it('returns every matching rule when no rule is "first match only" (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (matches) => {
        const specs = matches.map((m) => ({ matches: m, firstMatchOnly: false }));
        expect(ids(matchingRules(policy(rulesOf(specs)), facts()))).toEqual(specs.flatMap((s, i) => (s.matches ? [`r${i}`] : [])));
      }),
    );
  });

  it('returns at most one rule, the first that matches, when every rule is "first match only" (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (matches) => {
        const specs = matches.map((m) => ({ matches: m, firstMatchOnly: true }));
        const result = ids(matchingRules(policy(rulesOf(specs)), facts()));
        expect(result.length).toBeLessThanOrEqual(1);
        const first = matches.indexOf(true);
        expect(result).toEqual(first < 0 ? [] : [`r${first}`]);
      }),
    );
  });
});

describe('plannedSteps', () => {
  const match = (r: PolicyRule): RuleMatch => ({ rule: r, reasons: [{ code: 'always' }] });
  const user = (userId: string): ApproverRef => ({ kind: 'user', userId });
  const FINANCE: ApproverGroupSpec = { mode: 'all', approvers: [{ kind: 'team', team: 'Finance' }] };
  const DIRECTOR: ApproverGroupSpec = { mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] };

  it('merges the steps by position and asks a group twice asked in the same step once, for both rules', () => {
    const a = rule('a', { route: [{ groups: [MANAGER] }, { groups: [DIRECTOR] }] });
    const b = rule('b', { route: [{ groups: [MANAGER, FINANCE] }] });
    expect(plannedSteps([match(a), match(b)])).toEqual([
      [
        { ...MANAGER, ruleIds: ['a', 'b'] },
        { ...FINANCE, ruleIds: ['b'] },
      ],
      [{ ...DIRECTOR, ruleIds: ['a'] }],
    ]);
  });

  it('does not merge the same group at different steps, nor the same approvers in another mode', () => {
    const a = rule('a', { route: [{ groups: [MANAGER] }] });
    const b = rule('b', { route: [{ groups: [DIRECTOR] }, { groups: [MANAGER] }] });
    const c = rule('c', { route: [{ groups: [{ ...MANAGER, mode: 'all' }] }] });
    expect(plannedSteps([match(a), match(b), match(c)])).toEqual([
      [
        { ...MANAGER, ruleIds: ['a'] },
        { ...DIRECTOR, ruleIds: ['b'] },
        { ...MANAGER, mode: 'all', ruleIds: ['c'] },
      ],
      [{ ...MANAGER, ruleIds: ['b'] }],
    ]);
  });

  it('names a rule once when it asks the same group twice in one step', () => {
    const a = rule('a', { route: [{ groups: [MANAGER, MANAGER] }] });
    expect(plannedSteps([match(a)])).toEqual([[{ ...MANAGER, ruleIds: ['a'] }]]);
  });

  it('plans nothing for no rules', () => {
    expect(plannedSteps([])).toEqual([]);
  });

  it('has as many steps as the longest route, each group once with exactly the rules that asked for it there (property)', () => {
    const pool: ApproverGroupSpec[] = [
      MANAGER,
      DIRECTOR,
      FINANCE,
      { mode: 'any', approvers: [user('m1')] },
      { mode: 'all', approvers: [user('m1')] },
      { mode: 'any', approvers: [user('m1'), user('m2')] },
    ];
    const key = (g: ApproverGroupSpec) => JSON.stringify([g.mode, g.approvers]);
    const routeArb = fc.array(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(routeArb, { maxLength: 6 }), (routes) => {
        const matches = routes.map((steps, i) => match(rule(`r${i}`, { route: steps.map((groups) => ({ groups: groups.map((g) => pool[g]!) })) })));
        const planned = plannedSteps(matches);
        expect(planned.length).toBe(Math.max(0, ...routes.map((r) => r.length)));
        planned.forEach((groups, step) => {
          // The groups asked for at this step, once each, in the order first asked.
          const asked = [...new Set(matches.flatMap((m) => (m.rule.route[step]?.groups ?? []).map(key)))];
          expect(groups.map(key)).toEqual(asked);
          for (const group of groups) {
            const askedBy = matches.filter((m) => (m.rule.route[step]?.groups ?? []).some((g) => key(g) === key(group))).map((m) => m.rule.id);
            expect(group.ruleIds).toEqual(askedBy);
          }
        });
      }),
    );
  });
});

describe('checkPolicy', () => {
  const APPROVERS = new Set(['mgr', 'dir', 'adm']);
  const goodRule = (over: Record<string, unknown> = {}) => ({
    id: 'r1',
    name: 'Big discounts',
    when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
    route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }],
    firstMatchOnly: false,
    ...over,
  });
  const policyOf = (over: Record<string, unknown> = {}) => ({ requireApproval: false, defaultApproverId: null, rules: [goodRule()], ...over }) as unknown as ApprovalPolicyState;
  const withApprover = (approver: unknown) => policyOf({ rules: [goodRule({ route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager' }, approver] }] }] })] });
  /** The error's code and first field, or 'ok'. */
  const problem = (policy: ApprovalPolicyState) => {
    try {
      checkPolicy(policy, APPROVERS);
      return 'ok';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.details.fields as Array<{ field: string; reason: string }>;
      return { code: error.code, kind: error.kind, field: fields[0]!.field, reason: fields[0]!.reason, count: fields.length };
    }
  };
  const refused = (field: string, reason: string) => ({ code: 'APPROVALS.INVALID_SETTINGS', kind: 'invalid', field, reason, count: 1 });

  it('accepts the example policy', () => {
    expect(problem(policyOf())).toBe('ok');
  });

  it.each<[string, ApprovalPolicyState, string, string]>([
    // the policy
    ['require approval without a default approver', policyOf({ requireApproval: true, defaultApproverId: null }), 'defaultApproverId', 'choose an approver to require approval on all quotes'],
    ['a default approver who may not approve', policyOf({ defaultApproverId: 'rep' }), 'defaultApproverId', 'must be an active manager or admin'],
    ['rules that are not a list', policyOf({ rules: 'all' }), 'rules', 'must be a list'],
    ['51 rules', policyOf({ rules: Array.from({ length: 51 }, (_, i) => goodRule({ id: `r${i}` })) }), 'rules', 'at most 50'],
    // a rule
    ['a blank rule name', policyOf({ rules: [goodRule({ name: '   ' })] }), 'rules.0.name', 'must not be empty'],
    ['no rule name', policyOf({ rules: [goodRule({ name: undefined })] }), 'rules.0.name', 'must not be empty'],
    ['a rule name of 101 characters', policyOf({ rules: [goodRule({ name: 'x'.repeat(101) })] }), 'rules.0.name', 'at most 100 characters'],
    ['a rule that is null', policyOf({ rules: [goodRule(), null] }), 'rules.1.name', 'must not be empty'],
    ['duplicate rule ids', policyOf({ rules: [goodRule({ id: 'big' }), goodRule({ id: ' big ' })] }), 'rules.1.id', 'is used by another rule'],
    ['conditions that are not a list', policyOf({ rules: [goodRule({ when: {} })] }), 'rules.0.when', 'must be a list'],
    ['11 condition groups', policyOf({ rules: [goodRule({ when: Array.from({ length: 11 }, () => goodRule().when[0]) })] }), 'rules.0.when', 'at most 10'],
    ['a group without conditions', policyOf({ rules: [goodRule({ when: [{ conditions: [] }] })] }), 'rules.0.when.0.conditions', 'must not be empty'],
    ['a group that is null', policyOf({ rules: [goodRule({ when: [null] })] }), 'rules.0.when.0.conditions', 'must be a list'],
    ['21 conditions in a group', policyOf({ rules: [goodRule({ when: [{ conditions: Array.from({ length: 21 }, () => ({ field: 'lineCount', operator: 'gt', value: 1 })) }] })] }), 'rules.0.when.0.conditions', 'at most 20'],
    ['firstMatchOnly missing', policyOf({ rules: [goodRule({ firstMatchOnly: undefined })] }), 'rules.0.firstMatchOnly', 'must be true or false'],
    ['firstMatchOnly as text', policyOf({ rules: [goodRule({ firstMatchOnly: 'yes' })] }), 'rules.0.firstMatchOnly', 'must be true or false'],
    // what a rule watches (smart re-approval)
    ['watched fields that are not a list', policyOf({ rules: [goodRule({ watchedFields: 'total' })] }), 'rules.0.watchedFields', 'must be a list'],
    [
      'an unknown watched field',
      policyOf({ rules: [goodRule(), goodRule({ id: 'r2' }), goodRule({ id: 'r3', watchedFields: ['total', 'colour'] })] }),
      'rules.2.watchedFields.1',
      'must be one of total, quoteDiscount, lineDiscounts, lines, currency, title, expiresOn, paymentTerms, company, deal',
    ],
    // the route
    ['an empty route', policyOf({ rules: [goodRule({ route: [] })] }), 'rules.0.route', 'must not be empty'],
    ['no route', policyOf({ rules: [goodRule({ route: undefined })] }), 'rules.0.route', 'must be a list'],
    ['11 steps', policyOf({ rules: [goodRule({ route: Array.from({ length: 11 }, () => goodRule().route[0]) })] }), 'rules.0.route', 'at most 10'],
    ['a step without groups', policyOf({ rules: [goodRule({ route: [{ groups: [] }] })] }), 'rules.0.route.0.groups', 'must not be empty'],
    ['a group with a bad mode', policyOf({ rules: [goodRule({ route: [{ groups: [{ mode: 'some', approvers: [{ kind: 'manager' }] }] }] })] }), 'rules.0.route.0.groups.0.mode', 'must be any or all'],
    ['a group without approvers', policyOf({ rules: [goodRule({ route: [{ groups: [{ mode: 'all', approvers: [] }] }] })] }), 'rules.0.route.0.groups.0.approvers', 'must not be empty'],
    // approver refs (the second approver of the group)
    ['a user who is not an approver', withApprover({ kind: 'user', userId: 'rep' }), 'rules.0.route.0.groups.0.approvers.1.userId', 'must be an active manager or admin'],
    ['a user without id', withApprover({ kind: 'user' }), 'rules.0.route.0.groups.0.approvers.1.userId', 'must be an active manager or admin'],
    ['the role rep', withApprover({ kind: 'role', role: 'rep' }), 'rules.0.route.0.groups.0.approvers.1.role', 'must be manager or admin'],
    ['a blank team', withApprover({ kind: 'team', team: '  ' }), 'rules.0.route.0.groups.0.approvers.1.team', 'must be a team name of 1 to 60 characters'],
    ['a team of 61 characters', withApprover({ kind: 'team', team: 't'.repeat(61) }), 'rules.0.route.0.groups.0.approvers.1.team', 'must be a team name of 1 to 60 characters'],
    ['manager level 0', withApprover({ kind: 'manager', levels: 0 }), 'rules.0.route.0.groups.0.approvers.1.levels', 'must be a whole number from 1 to 10'],
    ['manager level 11', withApprover({ kind: 'manager', levels: 11 }), 'rules.0.route.0.groups.0.approvers.1.levels', 'must be a whole number from 1 to 10'],
    ['manager level 1.5', withApprover({ kind: 'manager', levels: 1.5 }), 'rules.0.route.0.groups.0.approvers.1.levels', 'must be a whole number from 1 to 10'],
    ['manager level as text', withApprover({ kind: 'manager', levels: '2' }), 'rules.0.route.0.groups.0.approvers.1.levels', 'must be a whole number from 1 to 10'],
    ['an unknown field', withApprover({ kind: 'field', field: 'accountOwner' }), 'rules.0.route.0.groups.0.approvers.1.field', 'must be one of dealOwner, companyOwner'],
    ['an unknown kind', withApprover({ kind: 'group', id: 'x' }), 'rules.0.route.0.groups.0.approvers.1.kind', 'must be one of user, role, team, manager, field'],
    ['an approver that is null', withApprover(null), 'rules.0.route.0.groups.0.approvers.1.kind', 'must be one of user, role, team, manager, field'],
  ])('refuses %s', (_what, policy, field, reason) => {
    expect(problem(policy)).toEqual(refused(field, reason));
  });

  describe('conditions, named by their place', () => {
    /** A rule whose second group holds three conditions, the third as given. */
    const withCondition = (third: unknown) =>
      policyOf({
        rules: [
          goodRule(),
          goodRule({
            id: 'r2',
            when: [
              { conditions: [{ field: 'lineCount', operator: 'gt', value: 1 }] },
              { conditions: [{ field: 'lineCount', operator: 'gt', value: 1 }, { field: 'recurring', operator: 'eq', value: true }, third] },
            ],
          }),
        ],
      });

    it.each<[string, unknown, string, string]>([
      ['"abc" for a percent', { field: 'effectiveDiscountPercent', operator: 'gt', value: 'abc' }, 'rules.1.when.1.conditions.2.value', 'must be a number from 0 to 100'],
      ['101 %', { field: 'effectiveDiscountPercent', operator: 'gt', value: 101 }, 'rules.1.when.1.conditions.2.value', 'must be from 0 to 100'],
      ['an unknown field', { field: 'discount', operator: 'gt', value: 1 }, 'rules.1.when.1.conditions.2.field', expect.stringMatching(/^must be one of total, discountAmount, /) as unknown as string],
      ['an operator the field does not allow', { field: 'currency', operator: 'gt', value: 'EUR' }, 'rules.1.when.1.conditions.2.operator', 'must be one of eq, neq, in, notIn for currency'],
      ['a bad second list value', { field: 'currency', operator: 'in', value: ['EUR', 'eur'] }, 'rules.1.when.1.conditions.2.value.1', 'must be a currency code like EUR'],
      ['a reversed range', { field: 'lineCount', operator: 'between', value: [5, 2] }, 'rules.1.when.1.conditions.2.value', 'from must not be greater than to'],
    ])('refuses %s', (_what, third, field, reason) => {
      expect(problem(withCondition(third))).toEqual(refused(field, reason));
    });

    // Regression: normaliseCondition read `raw.field` of null, so a TypeError (a 500) came out instead of the field error.
    it('refuses a condition that is null with its place, not a TypeError', () => {
      expect(problem(withCondition(null))).toEqual(refused('rules.1.when.1.conditions.2.field', expect.stringMatching(/^must be one of /) as unknown as string));
    });
  });

  it('gives rules without id fresh ids rule-1, rule-2, …', () => {
    const checked = checkPolicy(policyOf({ rules: [goodRule({ id: undefined }), goodRule({ id: '  ' }), goodRule({ id: 'big' })] }), APPROVERS);
    expect(checked.rules.map((r) => r.id)).toEqual(['rule-1', 'rule-2', 'big']);
  });

  // Regression: the id used to be `rule-<position>`, which another rule may already have: after deleting
  // the first of two new rules (ids rule-1, rule-2) and adding one at the end, the policy could not be saved.
  it.each<[string, unknown[], string[]]>([
    ['after a rule kept as rule-2', ['rule-2', undefined], ['rule-2', 'rule-1']],
    ['before a rule kept as rule-1', [undefined, 'rule-1'], ['rule-2', 'rule-1']],
    ['between rules kept as rule-1 and rule-3', ['rule-1', undefined, 'rule-3', undefined], ['rule-1', 'rule-2', 'rule-3', 'rule-4']],
  ])('gives a new rule an id no other rule has: %s', (_what, given, expected) => {
    const checked = checkPolicy(policyOf({ rules: given.map((id, i) => goodRule({ id, name: `Rule ${i}` })) }), APPROVERS);
    expect(checked.rules.map((r) => r.id)).toEqual(expected);
  });

  it('gives a valid policy back in its checked form', () => {
    const raw = {
      requireApproval: true,
      defaultApproverId: 'adm',
      extra: 'dropped',
      rules: [
        {
          id: ' big ',
          name: '  Big discounts  ',
          note: 'dropped',
          when: [
            { conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: ['10', ' 20 '], extra: 1 }, { field: 'total', operator: 'gte', value: ' 10000.50 ' }] },
            { conditions: [{ field: 'currency', operator: 'in', value: ['EUR', 'USD', 'EUR'] }] },
          ],
          route: [
            {
              groups: [
                { mode: 'any', approvers: [{ kind: 'manager' }, { kind: 'user', userId: 'dir', name: 'Dora' }] },
                { mode: 'all', approvers: [{ kind: 'team', team: ' Finance ' }, { kind: 'role', role: 'admin' }, { kind: 'field', field: 'dealOwner' }] },
              ],
            },
            { groups: [{ mode: 'any', approvers: [{ levels: 2, kind: 'manager' }] }] },
          ],
          firstMatchOnly: true,
          watchedFields: ['title', 'total', 'title'],
        },
        { name: 'All long terms', when: [], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'mgr' }] }] }], firstMatchOnly: false },
      ],
    } as unknown as ApprovalPolicyState;
    expect(checkPolicy(raw, APPROVERS)).toStrictEqual({
      requireApproval: true,
      defaultApproverId: 'adm',
      rules: [
        {
          id: 'big',
          name: 'Big discounts',
          when: [
            {
              conditions: [
                { field: 'effectiveDiscountPercent', operator: 'between', value: [10, 20] },
                { field: 'total', operator: 'gte', value: '10000.50' },
              ],
            },
            { conditions: [{ field: 'currency', operator: 'in', value: ['EUR', 'USD'] }] },
          ],
          route: [
            {
              groups: [
                {
                  mode: 'any',
                  approvers: [
                    { kind: 'manager', levels: 1 },
                    { kind: 'user', userId: 'dir' },
                  ],
                },
                {
                  mode: 'all',
                  approvers: [
                    { kind: 'team', team: 'Finance' },
                    { kind: 'role', role: 'admin' },
                    { kind: 'field', field: 'dealOwner' },
                  ],
                },
              ],
            },
            { groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] }] },
          ],
          firstMatchOnly: true,
          watchedFields: ['total', 'title'],
        },
        { id: 'rule-1', name: 'All long terms', when: [], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'mgr' }] }] }], firstMatchOnly: false, watchedFields: [] },
      ],
      baseCurrency: 'EUR',
      exchangeRates: {},
      businessHours: DEFAULT_BUSINESS_HOURS,
    });
  });

  it('accepts no rules at all', () => {
    expect(checkPolicy(policyOf({ rules: [] }), APPROVERS)).toStrictEqual({ requireApproval: false, defaultApproverId: null, rules: [], baseCurrency: 'EUR', exchangeRates: {}, businessHours: DEFAULT_BUSINESS_HOURS });
  });

  it('keeps the base currency and rates in their checked form', () => {
    expect(checkPolicy(policyOf({ rules: [], baseCurrency: 'usd', exchangeRates: { eur: ' 1.0825 ' } }), APPROVERS)).toMatchObject({ baseCurrency: 'USD', exchangeRates: { EUR: '1.0825' } });
  });

  it.each<[string, Partial<ApprovalPolicyState>, string, string]>([
    ['an unknown base currency', { baseCurrency: 'EURO' }, 'baseCurrency', 'must be an ISO 4217 currency code like EUR'],
    ['a rate of an unknown currency', { exchangeRates: { XXY: '1' } }, 'exchangeRates.XXY', 'must be an ISO 4217 currency code like USD'],
    ['a rate that is not positive', { exchangeRates: { USD: '0' } }, 'exchangeRates.USD', 'must be a positive decimal with at most 10 decimals, like 1.0825'],
  ])('refuses %s with its field path', (_what, currencies, field, reason) => {
    expect(() => checkPolicy(policyOf({ rules: [], ...currencies }), APPROVERS)).toThrow(expect.objectContaining({ code: 'APPROVALS.INVALID_SETTINGS', details: { fields: [{ field, reason }] } }));
  });

  it('refuses a quote property condition without a good property name at its path', () => {
    const rule = { id: 'r', name: 'Risky', when: [{ conditions: [{ field: 'quoteProperty', property: 'Risk Level', operator: 'eq', value: 'high' }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'mgr' }] }] }], firstMatchOnly: true } as unknown as PolicyRule;
    expect(() => checkPolicy(policyOf({ rules: [rule] }), APPROVERS)).toThrow(
      expect.objectContaining({ details: { fields: [{ field: 'rules.0.when.0.conditions.0.property', reason: 'must be a property name of 1 to 64 characters: a-z, 0-9 and _' }] } }),
    );
  });
});

describe('namedApprovers', () => {
  it('lists the default approver and every user named by id, once each', () => {
    const policy: ApprovalPolicyState = {
      requireApproval: false,
      defaultApproverId: 'adm',
      rules: [
        rule('a', { route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'mgr' }, { kind: 'role', role: 'manager' }] }] }, { groups: [{ mode: 'all', approvers: [{ kind: 'user', userId: 'dir' }, { kind: 'user', userId: 'adm' }] }] }] }),
        rule('b', { route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'team', team: 'Finance' }, { kind: 'user', userId: 'mgr' }] }] }] }),
      ],
    };
    expect(namedApprovers(policy)).toEqual(['adm', 'mgr', 'dir']);
  });

  it('reads a policy that is not checked yet, skipping what is missing or malformed', () => {
    const raw = {
      requireApproval: false,
      defaultApproverId: 'adm',
      rules: [null, { route: 'x' }, { route: [null, { groups: [{ approvers: [null, { kind: 'user', userId: 7 }, { kind: 'user', userId: 'mgr' }, { kind: 'role', role: 'admin' }] }] }] }],
    } as unknown as ApprovalPolicyState;
    expect(namedApprovers(raw)).toEqual(['adm', 'mgr']);
    expect(namedApprovers({ requireApproval: false, defaultApproverId: null } as unknown as ApprovalPolicyState)).toEqual([]);
  });

  it('is empty for a policy naming nobody by id', () => {
    expect(namedApprovers({ requireApproval: false, defaultApproverId: null, rules: [rule('a')] })).toEqual([]);
  });
});
