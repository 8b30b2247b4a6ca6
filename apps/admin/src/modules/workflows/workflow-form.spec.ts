import { describe, expect, it } from 'vitest';
import { catalogue, workflow } from '../../testing/work-fixtures';
import { checkForm, emptyForm, formFromWorkflow, messageOf, moved, newAction, toRequest, withBuiltInText, withOwnText, withoutSetAside } from './workflow-form';

const describe_ = (key: string) => {
  const found = catalogue.find((entry) => entry.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('workflow form', () => {
  it('turns a workflow into a form and back into the same request body', () => {
    const source = workflow({ conditions: [{ property: 'currency', operator: 'in', value: ['EUR', 'USD'] }, { property: 'dealId', operator: 'is_set' }] });

    const body = toRequest(formFromWorkflow(source), catalogue);

    expect(body).toEqual({
      name: source.name,
      enabled: true,
      objectType: 'quote',
      trigger: { type: 'status_becomes', status: 'pending_approval' },
      conditions: [
        { property: 'currency', operator: 'in', value: ['EUR', 'USD'] },
        { property: 'dealId', operator: 'is_set' },
      ],
      reenrollment: 'always',
      actions: source.actions,
      setKey: 'quote-approvals-v1',
    });
  });

  it('sends only the fields of the chosen trigger type, and a property value only when one is given', () => {
    const form = emptyForm();
    form.trigger = { type: 'property_changes', status: 'pending_approval', property: ' approval_status ', value: '', eventName: 'quotes.quote.created.v1' };
    expect(toRequest(form, catalogue).trigger).toEqual({ type: 'property_changes', property: 'approval_status' });
    form.trigger.value = 'approved';
    expect(toRequest(form, catalogue).trigger).toEqual({ type: 'property_changes', property: 'approval_status', value: 'approved' });
    form.trigger.type = 'event';
    expect(toRequest(form, catalogue).trigger).toEqual({ type: 'event', eventName: 'quotes.quote.created.v1' });
  });

  it('types parameter values after the catalogue: numbers as numbers, booleans as booleans, blanks left out', () => {
    const form = emptyForm();
    form.actions = [
      { ...newAction(describe_('create_task')), params: { assignee: 'owner', title: 'Review', dueInDays: '2,5', priority: '' } },
      { ...newAction(describe_('send_webhook')), params: { url: 'https://hooks.example/x', dryRun: true } },
      { uid: 'x', key: 'flag_discount', params: { thresholdPercent: 20 } },
    ];

    expect(toRequest(form, catalogue).actions).toEqual([
      { key: 'create_task', params: { assignee: 'owner', title: 'Review', dueInDays: 2.5 } },
      { key: 'send_webhook', params: { url: 'https://hooks.example/x', dryRun: true } },
      // An action the catalogue does not know keeps its params as they are.
      { key: 'flag_discount', params: { thresholdPercent: 20 } },
    ]);
  });

  it('starts a new action with empty fields, a required select at its first option and booleans off', () => {
    expect(newAction(describe_('update_deal_stage')).params).toEqual({ stage: 'qualified_to_buy' });
    expect(newAction(describe_('create_task')).params).toEqual({ assignee: '', title: '', dueInDays: '', priority: '' });
    expect(newAction(describe_('send_webhook')).params).toEqual({ url: '', dryRun: false });
  });

  it('moves an item up or down and leaves the list as it is at the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds an empty name, empty required parameters and numbers that are not numbers', () => {
    const form = emptyForm();
    form.actions = [{ ...newAction(describe_('create_task')), params: { assignee: 'owner', title: '', dueInDays: 'soon' } }];

    expect(checkForm(form, catalogue)).toEqual({ name: 'required', 'actions.0.params.title': 'required', 'actions.0.params.dueInDays': 'number' });
  });

  it('takes a built-in action’s message code for its title, and sends the message back unchanged', () => {
    const message = { code: 'approvals.reviewQuote', params: { number: '{{record.number}}', title: '{{record.title}}' } };
    const form = emptyForm();
    form.name = 'When quotes need approval';
    form.actions = [{ ...newAction(describe_('create_task')), params: { assignee: 'approvers', title: '', message } }];

    expect(checkForm(form, catalogue)).toEqual({});
    expect(toRequest(form, catalogue).actions).toEqual([{ key: 'create_task', params: { assignee: 'approvers', message } }]);
  });

  it('sets a built-in action’s message aside for an own text, brings it back exactly, and forgets it once saved', () => {
    const message = { code: 'approvals.reviewQuote', params: { number: '{{record.number}}', title: '{{record.title}}' } };
    const coded = { uid: 'a', key: 'create_task', params: { assignee: 'approvers', message, priority: 'high' } };
    expect(messageOf(coded)).toEqual(message);

    const own = withOwnText(coded, { title: 'Review {{record.number}}', notes: 'Open it' });
    expect(own.params).toEqual({ assignee: 'approvers', priority: 'high', title: 'Review {{record.number}}', notes: 'Open it' });
    expect(messageOf(own)).toBeNull();
    const form = { ...emptyForm(), name: 'x', actions: [own] };
    expect(toRequest(form, catalogue).actions).toEqual([{ key: 'create_task', params: { assignee: 'approvers', priority: 'high', title: 'Review {{record.number}}', notes: 'Open it' } }]);

    const back = withBuiltInText(own);
    expect(back.params).toEqual(coded.params);
    expect(back.params['message']).toBe(message);
    expect(back.setAside).toBeUndefined();
    expect(withoutSetAside([own])[0]).toEqual({ uid: 'a', key: 'create_task', params: own.params });
  });
});
