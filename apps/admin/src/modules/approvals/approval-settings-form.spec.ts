import { describe, expect, it } from 'vitest';
import { approvalSettings, max } from '../../testing/approvals';
import { checkForm, formFieldOf, move, newRule, operatorsFor, toForm, toRequest } from './approval-settings-form';

describe('approval settings form', () => {
  it('reads rules in priority order and writes them back with priorities 1, 2, 3 in the order shown', () => {
    const form = toForm(
      approvalSettings({
        version: 5,
        rules: [
          { id: 'r-b', name: 'B', priority: 20, conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }], approverIds: [max.id], mode: 'all' },
          { id: 'r-a', name: 'A', priority: 10, conditions: [{ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }], approverIds: [max.id], mode: 'any' },
        ],
      }),
    );
    expect(form.rules.map((rule) => rule.name)).toEqual(['A', 'B']);
    expect(form.rules[0]?.conditions[0]?.value).toBe('USD, GBP');
    expect(form.rules[1]?.conditions[0]?.stages).toEqual(['contract_sent', 'closed_won']);

    move(form.rules, 1, -1);
    expect(toRequest(form, 5)).toEqual({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        { id: 'r-b', name: 'B', priority: 1, conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }], approverIds: [max.id], mode: 'all' },
        { id: 'r-a', name: 'A', priority: 2, conditions: [{ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }], approverIds: [max.id], mode: 'any' },
      ],
      version: 5,
    });
  });

  it('leaves a rule without id and the version out until they exist', () => {
    const rule = newRule('  Spaces  ');
    rule.approverIds = [max.id];
    rule.conditions = [{ ...rule.conditions[0]!, field: 'total', operator: 'gte', value: ' 10000 ' }];
    expect(toRequest({ requireApproval: false, defaultApproverId: null, rules: [rule] }, 0)).toEqual({
      requireApproval: false,
      defaultApproverId: null,
      rules: [{ name: 'Spaces', priority: 1, conditions: [{ field: 'total', operator: 'gte', value: '10000' }], approverIds: [max.id], mode: 'any' }],
    });
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

  it('names the problems it can see before saving, as the API names the fields', () => {
    const rule = newRule('');
    expect(checkForm({ requireApproval: true, defaultApproverId: null, rules: [rule] })).toEqual({
      defaultApproverId: 'chooseApprover',
      'rules.0.name': 'nameRequired',
      'rules.0.approverIds': 'approversRequired',
      'rules.0.conditions.0.value': 'valueRequired',
    });
  });

  it('maps API field paths to the form field that shows them', () => {
    expect(formFieldOf('rules.2.approverIds.1')).toBe('rules.2.approverIds');
    expect(formFieldOf('rules.0.conditions.3.value')).toBe('rules.0.conditions.3.value');
    expect(formFieldOf('defaultApproverId')).toBe('defaultApproverId');
  });
});
