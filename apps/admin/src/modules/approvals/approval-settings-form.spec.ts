import { describe, expect, it } from 'vitest';
import { adaUser, approvalSettings, max } from '../../testing/approvals';
import type { ApprovalRule } from './approvals-api';
import { checkForm, formFieldOf, isSimpleRule, move, newRule, operatorsFor, toForm, toRequest } from './approval-settings-form';

/** A rule of the shape this editor shows: one group of conditions, one step of one group of named users. */
function simpleRule(overrides: Partial<ApprovalRule> = {}): ApprovalRule {
  return {
    id: 'r-a',
    name: 'A',
    when: [{ conditions: [{ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }] }],
    route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
    firstMatchOnly: true,
    ...overrides,
  };
}

describe('approval settings form', () => {
  it('reads rules in the order the API keeps them and writes them back in the order shown, in the API’s shape', () => {
    const form = toForm(
      approvalSettings({
        version: 5,
        rules: [
          simpleRule(),
          simpleRule({
            id: 'r-b',
            name: 'B',
            when: [{ conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }] }],
            route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }, { kind: 'user', userId: adaUser.id }], mode: 'all' }] }],
          }),
        ],
      }),
    );
    expect(form.rules.map((rule) => [rule.name, rule.approverIds, rule.mode, rule.locked])).toEqual([
      ['A', [max.id], 'any', null],
      ['B', [max.id, adaUser.id], 'all', null],
    ]);
    expect(form.rules[0]?.conditions[0]?.value).toBe('USD, GBP');
    expect(form.rules[1]?.conditions[0]?.stages).toEqual(['contract_sent', 'closed_won']);

    move(form.rules, 1, -1);
    expect(toRequest(form, 5)).toEqual({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          id: 'r-b',
          name: 'B',
          when: [{ conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }] }],
          route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }, { kind: 'user', userId: adaUser.id }], mode: 'all' }] }],
          firstMatchOnly: true,
        },
        {
          id: 'r-a',
          name: 'A',
          when: [{ conditions: [{ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }] }],
          route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
          firstMatchOnly: true,
        },
      ],
      version: 5,
    });
  });

  it('sends percentages as numbers and money as text; no conditions is no condition group (every quote)', () => {
    const rule = newRule('  Spaces  ');
    rule.approverIds = [max.id];
    rule.conditions = [
      { ...rule.conditions[0]!, field: 'total', operator: 'gte', value: ' 10000 ' },
      { ...rule.conditions[0]!, key: 99, field: 'effectiveDiscountPercent', operator: 'gt', value: '12,5' },
    ];
    expect(toRequest({ requireApproval: false, defaultApproverId: null, rules: [rule] }, 0)).toEqual({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          name: 'Spaces',
          when: [
            {
              conditions: [
                { field: 'total', operator: 'gte', value: '10000' },
                { field: 'effectiveDiscountPercent', operator: 'gt', value: 12.5 },
              ],
            },
          ],
          route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
          firstMatchOnly: true,
        },
      ],
    });

    rule.conditions = [];
    expect(toRequest({ requireApproval: false, defaultApproverId: null, rules: [rule] }, 0).rules[0]?.when).toEqual([]);
  });

  it('reads a percentage the API sends as a number into the field', () => {
    const form = toForm(approvalSettings({ rules: [simpleRule({ when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }] })] }));
    expect(form.rules[0]?.conditions[0]).toMatchObject({ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' });
    expect(toRequest(form, 1).rules[0]?.when).toEqual([{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }]);
  });

  it.each<[string, Partial<ApprovalRule>]>([
    [
      'several condition groups',
      {
        when: [{ conditions: [{ field: 'total', operator: 'gt', value: '10000' }] }, { conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
      },
    ],
    [
      'several steps',
      {
        route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }, { groups: [{ approvers: [{ kind: 'user', userId: adaUser.id }], mode: 'any' }] }],
      },
    ],
    [
      'several groups in a step',
      {
        route: [
          {
            groups: [
              { approvers: [{ kind: 'user', userId: max.id }], mode: 'any' },
              { approvers: [{ kind: 'user', userId: adaUser.id }], mode: 'any' },
            ],
          },
        ],
      },
    ],
    ['an approver named by manager', { route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }] }],
    ['an approver named by team', { route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }, { kind: 'team', team: 'Finance' }], mode: 'any' }] }] }],
    ['stacking with later rules', { firstMatchOnly: false }],
    ['a field the editor does not offer', { when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }] }],
    ['an operator the editor does not offer', { when: [{ conditions: [{ field: 'total', operator: 'between', value: ['1000', '5000'] }] }] }],
  ])('keeps a rule with %s read-only and sends it back unchanged', (_case, overrides) => {
    const advanced = simpleRule({ id: 'r-adv', name: 'Advanced', ...overrides });
    expect(isSimpleRule(advanced)).toBe(false);
    const form = toForm(approvalSettings({ rules: [simpleRule(), advanced], version: 2 }));
    expect(form.rules[1]?.locked).toEqual(advanced);
    expect(checkForm(form)).toEqual({});

    move(form.rules, 1, -1);
    const sent = toRequest(form, 2).rules;
    expect(sent[0]).toEqual(advanced);
    expect(sent[1]?.id).toBe('r-a');
  });

  it('does not move past either end', () => {
    const items = ['a', 'b'];
    expect(move(items, 0, -1)).toBe(false);
    expect(move(items, 1, 1)).toBe(false);
    expect(items).toEqual(['a', 'b']);
  });

  it('offers comparisons for amounts and percentages, matches for codes', () => {
    expect(operatorsFor('total')).toEqual(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);
    expect(operatorsFor('dealStage')).toEqual(['eq', 'neq', 'in']);
  });

  it('names the problems it can see before saving, as the form names the fields', () => {
    const rule = newRule('');
    expect(checkForm({ requireApproval: true, defaultApproverId: null, rules: [rule] })).toEqual({
      defaultApproverId: 'chooseApprover',
      'rules.0.name': 'nameRequired',
      'rules.0.approverIds': 'approversRequired',
      'rules.0.conditions.0.value': 'valueRequired',
    });
    // 0 is a value.
    rule.name = 'Any discount';
    rule.approverIds = [max.id];
    rule.conditions = [{ ...rule.conditions[0]!, field: 'effectiveDiscountPercent', operator: 'gt', value: '0' }];
    expect(checkForm({ requireApproval: false, defaultApproverId: null, rules: [rule] })).toEqual({});
  });

  it('maps the API’s field paths onto the editor’s fields', () => {
    const form = toForm(approvalSettings({ rules: [simpleRule(), simpleRule({ id: 'r-adv', firstMatchOnly: false })] }));
    expect(formFieldOf('rules.0.when.0.conditions.1.value', form)).toBe('rules.0.conditions.1.value');
    expect(formFieldOf('rules.0.when.0.conditions.0.value.1', form)).toBe('rules.0.conditions.0.value');
    expect(formFieldOf('rules.0.when.0.conditions.2.operator', form)).toBe('rules.0.conditions.2.operator');
    expect(formFieldOf('rules.0.route.0.groups.0.approvers.0.userId', form)).toBe('rules.0.approverIds');
    expect(formFieldOf('rules.0.route.0.groups.0.approvers', form)).toBe('rules.0.approverIds');
    expect(formFieldOf('rules.0.route.0.groups.0.mode', form)).toBe('rules.0.mode');
    expect(formFieldOf('rules.0.name', form)).toBe('rules.0.name');
    // Anything about a rule shown read-only is that rule's.
    expect(formFieldOf('rules.1.route.1.groups.0.approvers.0.userId', form)).toBe('rules.1.advanced');
    expect(formFieldOf('rules.1.name', form)).toBe('rules.1.advanced');
    expect(formFieldOf('defaultApproverId', form)).toBe('defaultApproverId');
  });
});
