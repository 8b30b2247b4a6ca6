import { describe, expect, it } from 'vitest';
import { adaUser, approvalSettings, max } from '../../testing/approvals';
import type { ApprovalRule } from './approvals-api';
import {
  changeField,
  changeOperator,
  checkForm,
  controlIds,
  controlOf,
  controlPlaces,
  DEFAULT_BUSINESS_HOURS,
  move,
  moveTo,
  newApprover,
  newCondition,
  newRate,
  newRule,
  toForm,
  toRequest,
  valueInputOf,
  type SettingsForm,
} from './approval-settings-form';

/** Manager then director above 20 % (stacking), for big deals or big discounts. */
const ESCALATION: ApprovalRule = {
  id: 'r-esc',
  name: 'Escalation',
  when: [
    { conditions: [{ field: 'total', operator: 'between', value: ['10000', '50000.50'] }] },
    {
      conditions: [
        { field: 'effectiveDiscountPercent', operator: 'gt', value: 20 },
        { field: 'dealStage', operator: 'notIn', value: ['closed_won', 'closed_lost'] },
        { field: 'currency', operator: 'in', value: ['EUR', 'USD'] },
        { field: 'recurring', operator: 'eq', value: false },
        { field: 'ownerTeam', operator: 'in', value: ['Sales East', 'Sales West'] },
        { field: 'product', operator: 'contains', value: 'Support' },
      ],
    },
  ],
  route: [
    { groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] },
    {
      groups: [
        { approvers: [{ kind: 'user', userId: max.id }, { kind: 'role', role: 'admin' }], mode: 'all' },
        { approvers: [{ kind: 'team', team: 'Finance' }, { kind: 'field', field: 'companyOwner' }], mode: 'any' },
      ],
    },
  ],
  firstMatchOnly: false,
};

const SIMPLE: ApprovalRule = {
  id: 'r-simple',
  name: 'Simple',
  when: [],
  route: [{ groups: [{ approvers: [{ kind: 'user', userId: adaUser.id }], mode: 'any' }] }],
  firstMatchOnly: true,
};

function emptyForm(): SettingsForm {
  return { requireApproval: false, defaultApproverId: null, rules: [], baseCurrency: 'EUR', rates: [], businessHours: { ...DEFAULT_BUSINESS_HOURS, days: [...DEFAULT_BUSINESS_HOURS.days] } };
}

const WORKING_WEEK = { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('approval settings form', () => {
  it('reads every rule the API keeps, in order, and writes it back unchanged', () => {
    const form = toForm(approvalSettings({ version: 5, rules: [ESCALATION, SIMPLE] }));

    expect(form.rules.map((rule) => [rule.name, rule.firstMatchOnly, rule.when.length, rule.route.length])).toEqual([
      ['Escalation', false, 2, 2],
      ['Simple', true, 0, 1],
    ]);
    expect(toRequest(form, 5)).toEqual({ requireApproval: false, defaultApproverId: null, rules: [ESCALATION, SIMPLE], baseCurrency: 'EUR', exchangeRates: {}, businessHours: WORKING_WEEK, version: 5 });

    move(form.rules, 1, -1);
    expect(toRequest(form, 5).rules.map((rule) => rule.id)).toEqual(['r-simple', 'r-esc']);
  });

  it('sends percentages, days and counts as numbers, money as text, lists for "is one of" and [from, to] for "is between"', () => {
    const rule = newRule('  Spaces  ');
    const [approver] = rule.route[0]?.groups[0]?.approvers ?? [];
    if (approver) approver.userId = max.id;
    const condition = (field: Parameters<typeof newCondition>[0], operator: Parameters<typeof newCondition>[1], values: Partial<ReturnType<typeof newCondition>>) => ({ ...newCondition(field, operator), ...values });
    rule.when = [
      {
        key: 1,
        conditions: [
          condition('total', 'gte', { value: ' 10000 ' }),
          condition('effectiveDiscountPercent', 'between', { from: '10', to: '12,5' }),
          condition('paymentTermsDays', 'gt', { value: '30' }),
          condition('lineCount', 'lte', { value: '5' }),
          condition('currency', 'in', { value: 'usd, gbp,' }),
          condition('currency', 'eq', { value: 'eur' }),
          condition('dealStage', 'in', { values: ['contract_sent'] }),
          condition('ownerRole', 'eq', { value: 'rep' }),
          condition('ownerTeam', 'notIn', { value: 'Sales East,  Sales West' }),
          condition('recurring', 'eq', { value: 'true' }),
          condition('dealAmount', 'between', { from: '1000', to: '2000.50' }),
        ],
      },
    ];

    expect(toRequest({ ...emptyForm(), rules: [rule] }, 0).rules[0]).toEqual({
      name: 'Spaces',
      when: [
        {
          conditions: [
            { field: 'total', operator: 'gte', value: '10000' },
            { field: 'effectiveDiscountPercent', operator: 'between', value: [10, 12.5] },
            { field: 'paymentTermsDays', operator: 'gt', value: 30 },
            { field: 'lineCount', operator: 'lte', value: 5 },
            { field: 'currency', operator: 'in', value: ['USD', 'GBP'] },
            { field: 'currency', operator: 'eq', value: 'EUR' },
            { field: 'dealStage', operator: 'in', value: ['contract_sent'] },
            { field: 'ownerRole', operator: 'eq', value: 'rep' },
            { field: 'ownerTeam', operator: 'notIn', value: ['Sales East', 'Sales West'] },
            { field: 'recurring', operator: 'eq', value: true },
            { field: 'dealAmount', operator: 'between', value: ['1000', '2000.50'] },
          ],
        },
      ],
      route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
      firstMatchOnly: true,
    });
  });

  it('sends only the value of the approver’s kind', () => {
    const approver = newApprover('user');
    approver.userId = max.id;
    approver.team = 'Finance';
    approver.levels = '2';
    const rule = newRule('Kinds');
    rule.when = [];
    rule.route = [{ key: 1, groups: [{ key: 2, mode: 'all', approvers: (['user', 'role', 'team', 'manager', 'field'] as const).map((kind) => ({ ...approver, kind })) }] }];

    expect(toRequest({ ...emptyForm(), rules: [rule] }, 0).rules[0]?.route[0]?.groups[0]?.approvers).toEqual([
      { kind: 'user', userId: max.id },
      { kind: 'role', role: 'manager' },
      { kind: 'team', team: 'Finance' },
      { kind: 'manager', levels: 2 },
      { kind: 'field', field: 'dealOwner' },
    ]);
  });

  it.each([
    ['total', 'gt', 'money'],
    ['dealAmount', 'eq', 'money'],
    ['effectiveDiscountPercent', 'lte', 'number'],
    ['paymentTermsDays', 'gt', 'number'],
    ['lineCount', 'gte', 'number'],
    ['total', 'between', 'range'],
    ['currency', 'eq', 'currency'],
    ['currency', 'notIn', 'currencyList'],
    ['dealStage', 'eq', 'choice'],
    ['ownerRole', 'in', 'choices'],
    ['ownerTeam', 'neq', 'text'],
    ['ownerTeam', 'in', 'textList'],
    ['product', 'contains', 'text'],
    ['recurring', 'eq', 'boolean'],
  ] as const)('takes a value of %s %s in a %s input', (field, operator, input) => {
    expect(valueInputOf(field, operator)).toBe(input);
  });

  it('keeps what still applies when the field or operator changes', () => {
    const condition = { ...newCondition('effectiveDiscountPercent', 'gt'), value: '20' };
    condition.field = 'largestLineDiscountPercent';
    changeField(condition, 'effectiveDiscountPercent', ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between']);
    expect([condition.operator, condition.value]).toEqual(['gt', '20']);

    condition.operator = 'between';
    changeOperator(condition, 'gt');
    expect([condition.from, condition.to]).toEqual(['20', '']);

    condition.field = 'dealStage';
    changeField(condition, 'largestLineDiscountPercent', ['eq', 'neq', 'in', 'notIn']);
    expect([condition.operator, condition.value, condition.values, condition.from]).toEqual(['eq', '', [], '']);

    condition.value = 'contract_sent';
    condition.operator = 'in';
    changeOperator(condition, 'eq');
    expect(condition.values).toEqual(['contract_sent']);

    condition.field = 'recurring';
    changeField(condition, 'dealStage', ['eq']);
    expect([condition.operator, condition.value]).toEqual(['eq', 'true']);
  });

  it('names the problems it can see before saving, as the API names the fields', () => {
    const rule = newRule('');
    const emptyGroup = { key: 1, conditions: [] };
    rule.when.push(emptyGroup);
    const condition = rule.when[0]?.conditions[0];
    if (condition) condition.operator = 'between';
    const group = rule.route[0]?.groups[0];
    group?.approvers.push({ ...newApprover('team') }, { ...newApprover('manager'), levels: '11' });
    rule.route.push({ key: 2, groups: [] }, { key: 3, groups: [{ key: 4, mode: 'any', approvers: [] }] });

    expect(checkForm({ ...emptyForm(), requireApproval: true, rules: [rule, { ...newRule('No route'), route: [] }] })).toEqual({
      defaultApproverId: 'chooseApprover',
      'rules.0.name': 'nameRequired',
      'rules.0.when.0.conditions.0.value.0': 'valueRequired',
      'rules.0.when.0.conditions.0.value.1': 'valueRequired',
      'rules.0.when.1.conditions': 'conditionsRequired',
      'rules.0.route.0.groups.0.approvers.0.userId': 'chooseUser',
      'rules.0.route.0.groups.0.approvers.1.team': 'teamRequired',
      'rules.0.route.0.groups.0.approvers.2.levels': 'levelsRange',
      'rules.0.route.1.groups': 'groupsRequired',
      'rules.0.route.2.groups.0.approvers': 'approversRequired',
      'rules.1.when.0.conditions.0.value': 'valueRequired',
      'rules.1.route': 'stepsRequired',
    });
  });

  it('accepts 0 as a value and a policy without rules', () => {
    const rule = newRule('Any discount');
    const condition = rule.when[0]?.conditions[0];
    if (condition) condition.value = '0';
    const approver = rule.route[0]?.groups[0]?.approvers[0];
    if (approver) approver.userId = max.id;
    expect(checkForm({ ...emptyForm(), rules: [rule] })).toEqual({});
    expect(checkForm(emptyForm())).toEqual({});
  });

  it('finds the control of each API field path, and its place for the error summary', () => {
    const form = toForm(approvalSettings({ rules: [SIMPLE, ESCALATION] }));
    const escalation = form.rules[1]!;
    const range = escalation.when[0]!.conditions[0]!;
    const discount = escalation.when[1]!.conditions[0]!;
    const secondStep = escalation.route[1]!;
    const team = secondStep.groups[1]!.approvers[0]!;

    expect(controlOf('defaultApproverId', form)).toBe('approval-approver');
    expect(controlOf('rules', form)).toBe('approval-add-rule');
    expect(controlOf('rules.1.name', form)).toBe(controlIds.ruleName(escalation.key));
    expect(controlOf('rules.1.firstMatchOnly', form)).toBe(controlIds.firstMatch(escalation.key));
    expect(controlOf('rules.1.when', form)).toBe(controlIds.addConditionGroup(escalation.key));
    expect(controlOf('rules.1.when.1.conditions', form)).toBe(controlIds.addCondition(escalation.when[1]!.key));
    expect(controlOf('rules.1.when.1.conditions.0.value', form)).toBe(controlIds.condition(discount.key, 'value'));
    expect(controlOf('rules.1.when.1.conditions.0.operator', form)).toBe(controlIds.condition(discount.key, 'operator'));
    expect(controlOf('rules.1.when.0.conditions.0.value.1', form)).toBe(controlIds.condition(range.key, 'to'));
    expect(controlOf('rules.1.when.0.conditions.0.value', form)).toBe(controlIds.condition(range.key, 'from'));
    expect(controlOf('rules.1.route', form)).toBe(controlIds.addStep(escalation.key));
    expect(controlOf('rules.1.route.1.groups', form)).toBe(controlIds.addApproverGroup(secondStep.key));
    expect(controlOf('rules.1.route.1.groups.1.mode', form)).toBe(controlIds.mode(secondStep.groups[1]!.key, 'any'));
    expect(controlOf('rules.1.route.1.groups.1.approvers', form)).toBe(controlIds.addApprover(secondStep.groups[1]!.key));
    expect(controlOf('rules.1.route.1.groups.1.approvers.0.team', form)).toBe(controlIds.approver(team.key, 'value'));
    expect(controlOf('rules.1.route.1.groups.1.approvers.0.kind', form)).toBe(controlIds.approver(team.key, 'kind'));
    expect(controlOf('rules.7.name', form)).toBeNull();
    expect(controlOf('version', form)).toBeNull();

    expect(controlPlaces(form).get(controlIds.approver(team.key, 'value'))).toEqual({
      control: 'approverValue',
      kind: 'team',
      rule: { number: 2, name: 'Escalation' },
      step: 2,
      approverGroup: 2,
      approver: 1,
    });
  });

  it('moves items within the list only', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 0, -1)).toBe(false);
    expect(move(items, 2, 1)).toBe(false);
    expect(moveTo(items, 0, 2)).toBe(true);
    expect(items).toEqual(['b', 'c', 'a']);
    expect(moveTo(items, 1, 1)).toBe(false);
  });
  it('sends a quote property with its name, country codes in capitals, and the base currency with its rates', () => {
    const rule = newRule('New fields');
    const [approver] = rule.route[0]?.groups[0]?.approvers ?? [];
    if (approver) approver.userId = max.id;
    rule.when = [
      {
        key: 1,
        conditions: [
          { ...newCondition('quoteProperty', 'eq'), property: ' risk_level ', value: ' High ' },
          { ...newCondition('quoteProperty', 'gt'), property: 'risk_score', value: '5' },
          { ...newCondition('companyCountry', 'in'), value: 'nl, de' },
          { ...newCondition('companyCountry', 'eq'), value: 'us' },
          { ...newCondition('totalInBaseCurrency', 'gt'), value: '10000' },
        ],
      },
    ];
    const form = { ...emptyForm(), rules: [rule], baseCurrency: ' usd ', rates: [newRate('eur', ' 1,0825 '), newRate('', '')] };
    expect(toRequest(form, 0)).toMatchObject({
      rules: [
        {
          when: [
            {
              conditions: [
                { field: 'quoteProperty', property: 'risk_level', operator: 'eq', value: 'High' },
                { field: 'quoteProperty', property: 'risk_score', operator: 'gt', value: '5' },
                { field: 'companyCountry', operator: 'in', value: ['NL', 'DE'] },
                { field: 'companyCountry', operator: 'eq', value: 'US' },
                { field: 'totalInBaseCurrency', operator: 'gt', value: '10000' },
              ],
            },
          ],
        },
      ],
      baseCurrency: 'USD',
      exchangeRates: { EUR: '1.0825' },
    });
    expect([valueInputOf('companyCountry', 'eq'), valueInputOf('companyCountry', 'notIn'), valueInputOf('quoteProperty', 'contains'), valueInputOf('quoteProperty', 'in'), valueInputOf('totalInBaseCurrency', 'between')]).toEqual([
      'country',
      'countryList',
      'text',
      'textList',
      'range',
    ]);
  });

  it('reads the property, the base currency and the rates the API keeps', () => {
    const form = toForm(
      approvalSettings({
        rules: [{ name: 'Risky', when: [{ conditions: [{ field: 'quoteProperty', property: 'risk_level', operator: 'in', value: ['high', 'medium'] }] }], route: [], firstMatchOnly: true }],
        baseCurrency: 'USD',
        exchangeRates: { EUR: '1.1', JPY: '0.0067' },
      }),
    );
    expect(form.rules[0]?.when[0]?.conditions[0]).toMatchObject({ field: 'quoteProperty', property: 'risk_level', value: 'high, medium' });
    expect([form.baseCurrency, form.rates.map((r) => [r.currency, r.rate])]).toEqual([
      'USD',
      [
        ['EUR', '1.1'],
        ['JPY', '0.0067'],
      ],
    ]);
  });

  it('names a missing property name, base currency, rate or rate currency before saving, and finds their controls', () => {
    const rule = newRule('Risky');
    const [approver] = rule.route[0]?.groups[0]?.approvers ?? [];
    if (approver) approver.userId = max.id;
    const condition = { ...newCondition('quoteProperty', 'eq'), value: 'high' };
    rule.when = [{ key: 1, conditions: [condition] }];
    const usd = newRate('usd', '');
    const noCode = newRate('', '1.2');
    const form = { ...emptyForm(), rules: [rule], baseCurrency: ' ', rates: [usd, noCode] };
    expect(checkForm(form)).toEqual({
      baseCurrency: 'currencyRequired',
      'exchangeRates.USD': 'rateRequired',
      [`exchangeRates.#${noCode.key}`]: 'currencyRequired',
      'rules.0.when.0.conditions.0.property': 'propertyRequired',
    });
    expect(controlOf('rules.0.when.0.conditions.0.property', form)).toBe(controlIds.condition(condition.key, 'property'));
    expect(controlOf('baseCurrency', form)).toBe(controlIds.baseCurrency);
    expect(controlOf('exchangeRates.USD', form)).toBe(controlIds.rate(usd.key, 'currency'));
    expect(controlOf('exchangeRates.USD', form, true)).toBe(controlIds.rate(usd.key, 'rate'));
    expect(controlOf(`exchangeRates.#${noCode.key}`, form)).toBe(controlIds.rate(noCode.key, 'currency'));
    expect(controlOf('exchangeRates.GBP', form)).toBe(controlIds.addRate);
    const places = controlPlaces(form);
    expect([places.get(controlIds.condition(condition.key, 'property'))?.control, places.get(controlIds.rate(usd.key, 'rate'))?.control, places.get(controlIds.baseCurrency)?.control]).toEqual(['property', 'rate', 'baseCurrency']);
  });

  it('reads each rule’s reminders and escalation and the business hours, and writes them back as they came', () => {
    const reminded: ApprovalRule = { ...SIMPLE, id: 'r-remind', name: 'Remind only', escalation: { remindAfterHours: 4, escalateAfterHours: null, escalateTo: 'manager' } };
    const escalated: ApprovalRule = { ...ESCALATION, escalation: { remindAfterHours: 1.5, escalateAfterHours: 16, escalateTo: 'fallback' } };
    const week = { timeZone: 'America/New_York', days: [1, 2, 3, 4, 6], start: '08:30', end: '16:45' };
    const form = toForm(approvalSettings({ rules: [escalated, reminded, SIMPLE], businessHours: week, version: 9 }));

    expect(form.rules.map((rule) => rule.escalation)).toEqual([
      { remindAfterHours: '1.5', escalateAfterHours: '16', escalateTo: 'fallback' },
      { remindAfterHours: '4', escalateAfterHours: '', escalateTo: 'manager' },
      { remindAfterHours: '', escalateAfterHours: '', escalateTo: 'manager' },
    ]);
    expect(form.businessHours).toEqual(week);
    const request = toRequest(form, 9);
    expect(request.rules).toEqual([escalated, reminded, SIMPLE]);
    expect(request.businessHours).toEqual(week);
  });

  it('sends an empty hours input as null, a decimal comma with a point, no escalation when both are empty, and the days in order', () => {
    const rule = newRule('Slow');
    rule.escalation = { remindAfterHours: '', escalateAfterHours: ' 2,75 ', escalateTo: 'fallback' };
    const cleared = newRule('Cleared');
    cleared.escalation = { remindAfterHours: ' ', escalateAfterHours: '', escalateTo: 'fallback' };
    const form = { ...emptyForm(), rules: [rule, cleared], businessHours: { timeZone: ' Europe/London ', days: [7, 1, 3], start: '07:00', end: '15:30' } };

    const request = toRequest(form, 0);
    expect(request.rules[0]?.escalation).toEqual({ remindAfterHours: null, escalateAfterHours: 2.75, escalateTo: 'fallback' });
    expect(request.rules[1]).not.toHaveProperty('escalation');
    expect(request.businessHours).toEqual({ timeZone: 'Europe/London', days: [1, 3, 7], start: '07:00', end: '15:30' });
  });

  it('starts a new rule without reminders and a form without saved business hours on the default working week', () => {
    expect(newRule('New').escalation).toEqual({ remindAfterHours: '', escalateAfterHours: '', escalateTo: 'manager' });
    const { businessHours, ...older } = approvalSettings();
    expect(businessHours).toEqual(WORKING_WEEK);
    expect(toForm(older as ReturnType<typeof approvalSettings>).businessHours).toEqual(WORKING_WEEK);
  });

  it('names wrong reminder and escalation hours and business hours before saving, as the API names the fields', () => {
    const rule = (remindAfterHours: string, escalateAfterHours: string) => {
      const made = newRule('Timed');
      const [approver] = made.route[0]?.groups[0]?.approvers ?? [];
      if (approver) approver.userId = max.id;
      const [condition] = made.when[0]?.conditions ?? [];
      if (condition) condition.value = '10';
      made.escalation = { remindAfterHours, escalateAfterHours, escalateTo: 'manager' };
      return made;
    };
    const rules = [rule('0', '600'), rule('1.1', 'soon'), rule('8', '8'), rule('8', '4'), rule('0,25', '500'), rule('', '0.5'), rule('2', '')];

    expect(checkForm({ ...emptyForm(), rules, businessHours: { timeZone: ' ', days: [], start: '', end: '17:00' } })).toEqual({
      'rules.0.escalation.remindAfterHours': 'hoursRange',
      'rules.0.escalation.escalateAfterHours': 'hoursRange',
      'rules.1.escalation.remindAfterHours': 'hoursRange',
      'rules.1.escalation.escalateAfterHours': 'hoursRange',
      'rules.2.escalation.escalateAfterHours': 'escalateAfterReminder',
      'rules.3.escalation.escalateAfterHours': 'escalateAfterReminder',
      'businessHours.timeZone': 'chooseTimeZone',
      'businessHours.days': 'daysRequired',
      'businessHours.start': 'timeRequired',
    });
    expect(checkForm({ ...emptyForm(), businessHours: { ...WORKING_WEEK, start: '17:00', end: '09:00' } })).toEqual({ 'businessHours.end': 'endAfterStart' });
    expect(checkForm({ ...emptyForm(), businessHours: { ...WORKING_WEEK, start: '09:00', end: '9:00 PM' } })).toEqual({ 'businessHours.end': 'timeRequired' });
  });

  it('finds the controls of reminder, escalation and business hours problems, and their places for the error summary', () => {
    const form = toForm(approvalSettings({ rules: [SIMPLE, { ...ESCALATION, escalation: { remindAfterHours: 2, escalateAfterHours: 4, escalateTo: 'manager' } }] }));
    const second = form.rules[1]!;

    expect(controlOf('rules.1.escalation.remindAfterHours', form)).toBe(controlIds.remindAfter(second.key));
    expect(controlOf('rules.1.escalation.escalateAfterHours', form)).toBe(controlIds.escalateAfter(second.key));
    expect(controlOf('rules.1.escalation.escalateTo', form)).toBe(controlIds.escalateTo(second.key));
    expect(controlOf('rules.1.escalation', form)).toBe(controlIds.remindAfter(second.key));
    expect(controlOf('businessHours', form)).toBe(controlIds.timeZone);
    expect(controlOf('businessHours.timeZone', form)).toBe('approval-time-zone');
    expect(controlOf('businessHours.days', form)).toBe(controlIds.workDay(1));
    expect(controlOf('businessHours.days.3', form)).toBe('approval-work-day-1');
    expect(controlOf('businessHours.start', form)).toBe('approval-work-start');
    expect(controlOf('businessHours.end', form)).toBe('approval-work-end');

    const places = controlPlaces(form);
    expect(places.get(controlIds.escalateAfter(second.key))).toEqual({ control: 'escalateAfter', rule: { number: 2, name: 'Escalation' } });
    expect(places.get(controlIds.escalateTo(second.key))?.control).toBe('escalateTo');
    expect([controlIds.timeZone, controlIds.workDay(), controlIds.workStart, controlIds.workEnd].map((id) => places.get(id))).toEqual([
      { control: 'timeZone' },
      { control: 'workDays' },
      { control: 'workStart' },
      { control: 'workEnd' },
    ]);
  });
});
