import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalPreviewBecause, approvalSettings, approvalWorkflows, bigDiscountsMatch, conditionFields, max, noApprovalNeeded } from '../../testing/approvals';
import { listItem, rita } from '../../testing/quotes';
import type { ApprovalRule } from './approvals-api';
import ApprovalSettingsPage from './approval-settings-page.vue';

const BIG_DISCOUNTS: ApprovalRule = {
  id: '0190a000-0000-7000-8000-0000000aa001',
  name: 'Big discounts',
  when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
  route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
  firstMatchOnly: true,
};

/** The owner's manager, then Max, for big deals or big discounts, stacking with later rules. */
const ESCALATION: ApprovalRule = {
  id: '0190a000-0000-7000-8000-0000000aa002',
  name: 'Escalation',
  when: [{ conditions: [{ field: 'total', operator: 'gt', value: '50000' }] }, { conditions: [{ field: 'effectiveDiscountPercent', operator: 'gte', value: 30 }] }],
  route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }, { groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
  firstMatchOnly: false,
};

const FINANCE_MANAGER = { id: 'u-fiona', email: 'fiona@example.com', name: 'Fiona Finance', role: 'manager' as const, active: true, team: 'Finance', reportsTo: null };

/** The business hours of approvalSettings(): sent back with every save. */
const WORKING_WEEK = { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

function mountSettings(routes: Record<string, FakeRoute>, me = ada) {
  return mountPage(ApprovalSettingsPage, {
    path: '/settings/approvals',
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings() },
      'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
      'GET /api/v1/users': { status: 200, body: { items: [max, adaUser, FINANCE_MANAGER] } },
      'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      ...routes,
    },
  });
}

// --- Finding things as a person (or a screen reader) would ---

function labelOf(element: Element): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (ids.length) return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  const id = element.getAttribute('id');
  return (id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : '') ?? '';
}

function comboboxNamed(name: string, within: ParentNode = document): HTMLElement {
  const found = [...within.querySelectorAll<HTMLElement>('[role="combobox"]')].find((element) => labelOf(element) === name);
  if (!found) throw new Error(`no combobox named ${name}`);
  return found;
}

function inputNamed(name: string, within: ParentNode = document): HTMLInputElement {
  const found = [...within.querySelectorAll<HTMLInputElement>('input:not([role="combobox"])')].find((element) => labelOf(element) === name);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
}

function button(name: string, within: ParentNode = document): HTMLButtonElement {
  const found = [...within.querySelectorAll<HTMLButtonElement>('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

function describedBy(element: Element): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? `#${id}?`);
}

const ruleAt = (index: number) => document.querySelector<HTMLElement>(`[data-rule-index="${index}"]`) as HTMLElement;
const conditionIn = (container: ParentNode, index = 0) => container.querySelectorAll<HTMLElement>('[data-condition-key]')[index] as HTMLElement;
const stepIn = (container: ParentNode, index = 0) => container.querySelectorAll<HTMLElement>('[data-step-key]')[index] as HTMLElement;
const approverIn = (container: ParentNode, index = 0) => container.querySelectorAll<HTMLElement>('[data-approver-key]')[index] as HTMLElement;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flushPromises();
}

/** The options a PrimeVue Select offers (opened, read, closed again). */
async function optionsOf(combobox: HTMLElement): Promise<string[]> {
  combobox.closest('.p-select')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  const options = [...document.querySelectorAll<HTMLElement>('[role="option"]')].map((option) => option.getAttribute('aria-label') ?? option.textContent?.trim() ?? '');
  combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
  await overlaysClosed();
  return options;
}

/** Opens a PrimeVue Select by its combobox and picks an option (PrimeVue picks on mousedown). */
async function pick(combobox: HTMLElement, option: string): Promise<void> {
  combobox.closest('.p-select')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  const item = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((element) => element.getAttribute('aria-label') === option || element.textContent?.trim() === option);
  if (!item) throw new Error(`no option ${option}`);
  item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await overlaysClosed();
}

/** PrimeVue overlays give focus back to their field when they finish closing: wait for that. */
async function overlaysClosed(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('.p-select-overlay, .p-multiselect-overlay')).toBeNull());
  await flushPromises();
}

function putBodies(calls: Array<{ method: string; path: string; body: unknown }>) {
  return calls.filter((call) => call.method === 'PUT' && call.path === '/api/v1/approvals/settings').map((call) => call.body);
}

function saveButton(): HTMLButtonElement {
  return button('Set approver and create workflows');
}

/** Adds a rule named `name` and returns its card. */
async function addRule(name: string): Promise<HTMLElement> {
  await click(button('Add rule'));
  const rules = document.querySelectorAll<HTMLElement>('[data-rule-index]');
  const rule = rules[rules.length - 1] as HTMLElement;
  expect(document.activeElement).toBe(inputNamed('Name', rule));
  await type(inputNamed('Name', rule), name);
  return rule;
}

/** Makes an approver "the owner's manager, `levels` up". */
async function managerUp(approver: HTMLElement, levels: string): Promise<void> {
  await pick(comboboxNamed('Who approves', approver), 'The owner’s manager');
  const input = inputNamed('Levels up', approver);
  expect(describedBy(input)).toEqual(['1 = the owner’s manager, 2 = their manager, and so on up to 10.']);
  await type(input, levels);
}

async function team(approver: HTMLElement, name: string): Promise<void> {
  await pick(comboboxNamed('Who approves', approver), 'A team');
  await type(inputNamed('Team', approver), name);
}

describe('Settings → Products & Quotes → Approvals (the approval policy editor)', () => {
  it('labels the switch and the Approver (also the fallback), offers managers and admins, and sits next to Quotes', async () => {
    await mountSettings({});

    expect([...document.querySelectorAll('nav')].map((nav) => nav.getAttribute('aria-label'))).toEqual(['Breadcrumb', 'Products & Quotes']);
    const tabs = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Products & Quotes"] a')];
    expect(tabs.map((tab) => [tab.textContent?.trim(), tab.getAttribute('href'), tab.getAttribute('aria-current')])).toEqual([
      ['Quotes', '/settings/quotes', null],
      ['Approvals', '/settings/approvals', 'page'],
    ]);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Approvals');

    const toggle = document.querySelector<HTMLInputElement>('input[role="switch"]') as HTMLInputElement;
    expect(labelOf(toggle)).toBe('Require approval on all quotes');
    expect(describedBy(toggle)).toEqual(['Submitted quotes wait for the approver before they are published.']);
    const approver = comboboxNamed('Approver');
    expect(describedBy(approver)).toEqual([
      'A manager or admin. Approves every quote no rule applies to when approval is required on all quotes, and is also the fallback approver: a step nobody else can approve goes to them.',
    ]);
    expect(await optionsOf(approver)).toEqual(['Max Manager', 'Ada Admin', 'Fiona Finance']);
  });

  it('builds a three-rule policy in the UI and sends exactly that policy, then lists the five workflows with links', async () => {
    const { api } = await mountSettings({
      'PUT /api/v1/approvals/settings': ({ body }) => ({ status: 200, body: approvalSettings({ ...(body as object), version: 1 }) }),
      'GET /api/v1/workflows': { status: 200, body: { items: approvalWorkflows(true), quoteApprovalSetKey: 'quote-approvals-v1' } },
    });

    // 1. The manager for 10–20 %: discount between 10 and 20 → the owner's manager.
    const first = await addRule('Manager for 10–20 %');
    const firstCondition = conditionIn(first);
    expect(labelOf(comboboxNamed('Field', firstCondition))).toBe('Field');
    expect(comboboxNamed('Field', firstCondition).textContent?.trim()).toBe('Discount (%)');
    await pick(comboboxNamed('Operator', firstCondition), 'is between');
    await type(inputNamed('From', firstCondition), '10');
    await type(inputNamed('To', firstCondition), '20');
    await managerUp(approverIn(first), '1');

    // 2. Manager then director above 20 %: two steps.
    const second = await addRule('Manager then director above 20 %');
    await type(inputNamed('Value', conditionIn(second)), '20');
    await managerUp(approverIn(second), '1');
    await click(button('Add step', second));
    expect(second.querySelectorAll('[data-step-key]')).toHaveLength(2);
    // Focus goes to the new step's approver.
    expect(document.activeElement).toBe(comboboxNamed('Who approves', stepIn(second, 1)));
    await managerUp(approverIn(stepIn(second, 1)), '2');

    // 3. Finance and legal in parallel when payment terms are over 30 days; not first match only.
    const third = await addRule('Finance and legal');
    const thirdCondition = conditionIn(third);
    await pick(comboboxNamed('Field', thirdCondition), 'Payment terms (days)');
    expect(comboboxNamed('Operator', thirdCondition).textContent?.trim()).toBe('is more than');
    await type(inputNamed('Value', thirdCondition), '30');
    await team(approverIn(third), 'Finance');
    await click(button('Add approver group', third));
    expect(stepIn(third).querySelectorAll('[data-approver-group-key]')).toHaveLength(2);
    await team(approverIn(third, 1), 'Legal');
    const firstMatch = inputNamed('First match only', third);
    expect(firstMatch.checked).toBe(true);
    expect(describedBy(firstMatch)).toEqual(['When this rule matches, later rules are not looked at; otherwise it adds its steps to the rules after it.']);
    await click(firstMatch);
    expect(firstMatch.checked).toBe(false);

    await click(saveButton());

    expect(putBodies(api.calls)).toEqual([
      {
        requireApproval: false,
        defaultApproverId: null,
        rules: [
          {
            name: 'Manager for 10–20 %',
            when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: [10, 20] }] }],
            route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }],
            firstMatchOnly: true,
          },
          {
            name: 'Manager then director above 20 %',
            when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
            route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }, { groups: [{ approvers: [{ kind: 'manager', levels: 2 }], mode: 'any' }] }],
            firstMatchOnly: true,
          },
          {
            name: 'Finance and legal',
            when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }],
            route: [
              {
                groups: [
                  { approvers: [{ kind: 'team', team: 'Finance' }], mode: 'any' },
                  { approvers: [{ kind: 'team', team: 'Legal' }], mode: 'any' },
                ],
              },
            ],
            firstMatchOnly: false,
          },
        ],
        baseCurrency: 'EUR',
        exchangeRates: {},
        businessHours: WORKING_WEEK,
      },
    ]);
    await flushPromises();
    expect(document.querySelector('.form-saved')?.textContent).toContain('Settings saved.');
    const workflows = document.querySelector('[data-testid="approval-workflows"]') as HTMLElement;
    expect(workflows.textContent).toContain('Approval is on.');
    expect([...workflows.querySelectorAll('li a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['When quotes need approval', '/workflows/0190a000-0000-7000-8000-0000000bf001'],
      ['When changes are requested on a quote', '/workflows/0190a000-0000-7000-8000-0000000bf002'],
      ['When quotes are approved', '/workflows/0190a000-0000-7000-8000-0000000bf003'],
      ['When a quote is withdrawn from approval', '/workflows/0190a000-0000-7000-8000-0000000bf004'],
      ['When an approval step starts', '/workflows/0190a000-0000-7000-8000-0000000bf005'],
    ]);
  });

  it('edits every rule the API keeps (groups, steps, approvers of any kind) and sends it back as it came', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [ESCALATION, BIG_DISCOUNTS], version: 7 }) },
      'PUT /api/v1/approvals/settings': ({ body }) => ({ status: 200, body: approvalSettings({ ...(body as object), version: 8 }) }),
    });

    const escalation = ruleAt(0);
    expect(escalation.querySelector('h3')?.textContent?.trim()).toBe('Rule 1: Escalation');
    expect(escalation.querySelectorAll('[data-group-key]')).toHaveLength(2);
    expect(escalation.querySelectorAll('[data-step-key]')).toHaveLength(2);
    expect(inputNamed('Levels up', approverIn(escalation)).value).toBe('1');
    expect(comboboxNamed('Person', approverIn(escalation, 1)).textContent?.trim()).toBe('Max Manager');
    expect(inputNamed('First match only', escalation).checked).toBe(false);
    expect(document.querySelector('[data-testid="rule-advanced"]')).toBeNull();

    await click(saveButton());
    expect(putBodies(api.calls)).toEqual([{ requireApproval: false, defaultApproverId: null, rules: [ESCALATION, BIG_DISCOUNTS], baseCurrency: 'EUR', exchangeRates: {}, businessHours: WORKING_WEEK, version: 7 }]);
  });

  it('reorders rules by keyboard: the order sent changes, focus follows the rule, the new place is announced', async () => {
    const third: ApprovalRule = { ...BIG_DISCOUNTS, id: 'r-3', name: 'Third' };
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS, ESCALATION, third], version: 3 }) },
      'PUT /api/v1/approvals/settings': { status: 200, body: approvalSettings({ version: 4 }) },
    });

    expect(button('Move Big discounts up').disabled).toBe(true);
    await click(button('Move Big discounts down'));
    expect(document.activeElement).toBe(button('Move Big discounts down'));
    expect(ruleAt(1).querySelector('h3')?.textContent?.trim()).toBe('Rule 2: Big discounts');
    await click(button('Move Big discounts down'));
    // At the bottom its "down" button is off: focus stays on the rule, on its "up" button.
    expect(document.activeElement).toBe(button('Move Big discounts up'));
    expect(document.querySelector('[data-testid="rules-announcement"]')?.getAttribute('aria-live')).toBe('polite');
    expect(document.querySelector('[data-testid="rules-announcement"]')?.textContent).toBe('Big discounts is now rule 3 of 3.');
    await click(button('Move Third up'));

    await click(saveButton());
    expect((putBodies(api.calls)[0] as { rules: ApprovalRule[] }).rules.map((rule) => rule.name)).toEqual(['Third', 'Escalation', 'Big discounts']);
  });

  it('reorders rules by dragging a rule’s handle onto another rule', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS, ESCALATION], version: 3 }) },
      'PUT /api/v1/approvals/settings': { status: 200, body: approvalSettings({ version: 4 }) },
    });

    const handle = ruleAt(1).querySelector('[data-drag-handle]') as HTMLElement;
    expect(handle.getAttribute('draggable')).toBe('true');
    handle.dispatchEvent(new Event('dragstart', { bubbles: true }));
    const target = ruleAt(0).closest('li') as HTMLElement;
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    target.dispatchEvent(new Event('drop', { bubbles: true, cancelable: true }));
    await flushPromises();

    expect(ruleAt(0).querySelector('h3')?.textContent?.trim()).toBe('Rule 1: Escalation');
    expect(document.querySelector('[data-testid="rules-announcement"]')?.textContent).toBe('Escalation is now rule 1 of 2.');
    await click(saveButton());
    expect((putBodies(api.calls)[0] as { rules: ApprovalRule[] }).rules.map((rule) => rule.name)).toEqual(['Escalation', 'Big discounts']);
  });

  it('deletes a rule only after the confirmation', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS, ESCALATION], version: 3 }) },
      'PUT /api/v1/approvals/settings': { status: 200, body: approvalSettings({ version: 4 }) },
    });

    await click(button('Delete Big discounts'));
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.textContent).toContain('“Big discounts”, with its conditions and its route, is deleted when you save the settings.');
    await click(button('Cancel', dialog));
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(document.querySelectorAll('[data-rule-index]')).toHaveLength(2);

    await click(button('Delete Big discounts'));
    await click(button('Delete rule', document.querySelector('[role="dialog"]') as HTMLElement));
    expect(document.querySelectorAll('[data-rule-index]')).toHaveLength(1);
    expect(document.activeElement).toBe(ruleAt(0).querySelector('h3'));

    await click(saveButton());
    expect((putBodies(api.calls)[0] as { rules: ApprovalRule[] }).rules.map((rule) => rule.name)).toEqual(['Escalation']);
  });

  it('offers the operators and the value input of each field’s type', async () => {
    await mountSettings({});
    const rule = await addRule('Types');
    const condition = conditionIn(rule);
    const field = () => comboboxNamed('Field', condition);
    const operator = () => comboboxNamed('Operator', condition);

    expect(await optionsOf(field())).toEqual([
      'Total',
      'Discount amount',
      'Discount (%)',
      'Largest line discount (%)',
      'Number of lines',
      'Product',
      'Recurring billing',
      'Payment terms (days)',
      'Days until expiry',
      'Currency',
      'Deal stage',
      'Deal amount',
      'Owner’s role',
      'Owner’s team',
      'Company country',
      'Total in base currency',
      'Quote property',
    ]);
    // Percent: numbers from 0 to 100.
    expect(await optionsOf(operator())).toEqual(['is more than', 'is at least', 'is less than', 'is at most', 'is', 'is not', 'is between']);
    let value = inputNamed('Value', condition);
    expect([value.type, value.min, value.max]).toEqual(['number', '0', '100']);
    expect(describedBy(value)).toEqual(['A percentage from 0 to 100.']);

    // Money: text, in the quote's currency; the deal's amount in the deal's.
    await pick(field(), 'Total');
    value = inputNamed('Value', condition);
    expect([value.type, value.getAttribute('inputmode')]).toEqual(['text', 'decimal']);
    expect(describedBy(value)).toEqual(['An amount in the quote’s currency, e.g. 10000.']);
    await pick(field(), 'Deal amount');
    expect(describedBy(inputNamed('Value', condition))).toEqual(['An amount in the deal’s currency, e.g. 10000.']);

    // Between: two inputs, from and to.
    await pick(operator(), 'is between');
    expect([inputNamed('From', condition).type, inputNamed('To', condition).type]).toEqual(['text', 'text']);
    await pick(field(), 'Payment terms (days)');
    expect([inputNamed('From', condition).type, inputNamed('To', condition).type]).toEqual(['number', 'number']);

    // Deal stages: a select, several for "is one of".
    await pick(field(), 'Deal stage');
    expect(await optionsOf(operator())).toEqual(['is', 'is not', 'is one of', 'is not one of']);
    expect(operator().textContent?.trim()).toBe('is');
    expect(await optionsOf(comboboxNamed('Value', condition))).toContain('Contract sent');
    await pick(operator(), 'is one of');
    expect(condition.querySelector('.p-multiselect [role="combobox"]')?.getAttribute('aria-labelledby')).toBe(`${condition.querySelector('.p-multiselect input')?.id}-label`);

    // Roles, currencies, teams, products, yes/no.
    await pick(field(), 'Owner’s role');
    await pick(operator(), 'is');
    expect(await optionsOf(comboboxNamed('Value', condition))).toEqual(['Sales rep', 'Sales manager', 'Admin']);
    await pick(field(), 'Currency');
    expect(inputNamed('Value', condition).maxLength).toBe(3);
    await pick(operator(), 'is one of');
    expect(describedBy(inputNamed('Value', condition))).toEqual(['Currency codes separated by commas, e.g. EUR, USD.']);
    await pick(field(), 'Owner’s team');
    expect(inputNamed('Value', condition).getAttribute('list')).toBe(null);
    await pick(operator(), 'is');
    expect(inputNamed('Value', condition).getAttribute('list')).toBe('approval-teams');
    expect([...document.querySelectorAll('#approval-teams option')].map((option) => option.getAttribute('value'))).toEqual(['Finance']);
    await pick(field(), 'Product');
    expect(await optionsOf(operator())).toEqual(['contains', 'does not contain']);
    await pick(field(), 'Recurring billing');
    expect(await optionsOf(operator())).toEqual(['is']);
    expect(await optionsOf(comboboxNamed('Value', condition))).toEqual(['Yes', 'No']);
  });

  it('edits a quote property condition, the base currency and the exchange rates, and puts a rate problem at its rate', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ baseCurrency: 'USD', exchangeRates: { EUR: '1.1' }, version: 3 }) },
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'exchangeRates.GBP: must be a positive decimal with at most 10 decimals, like 1.0825',
          details: { fields: [{ field: 'exchangeRates.GBP', reason: 'must be a positive decimal with at most 10 decimals, like 1.0825' }] },
        },
      },
    });
    const base = inputNamed('Base currency');
    expect(base.value).toBe('USD');
    expect(describedBy(base)).toEqual(['A three-letter currency code, e.g. EUR.']);
    const rateOf = (label: string) => document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`) as HTMLInputElement;
    expect(rateOf('Rate: 1 EUR in USD').value).toBe('1.1');
    await click(button('Add exchange rate'));
    expect(document.activeElement).toBe(rateOf('Currency of rate 2'));
    await type(rateOf('Currency of rate 2'), 'gbp');
    await type(rateOf('Rate: 1 GBP in USD'), '0');

    const rule = await addRule('Risky');
    const condition = conditionIn(rule);
    await pick(comboboxNamed('Field', condition), 'Quote property');
    const property = inputNamed('Property', condition);
    expect(describedBy(property)).toEqual(['Its name, e.g. risk_level: lower-case letters, digits and _.']);
    await type(property, 'risk_level');
    expect(await optionsOf(comboboxNamed('Operator', condition))).toEqual(['is', 'is not', 'is one of', 'is not one of', 'contains', 'is more than', 'is at least', 'is less than', 'is at most']);
    // "is more than" stays from the condition before: a number.
    expect(describedBy(inputNamed('Value', condition))).toEqual(['A number, e.g. 10 or 2.5: only a property that is a number matches.']);
    await pick(comboboxNamed('Operator', condition), 'is');
    expect(describedBy(inputNamed('Value', condition))).toEqual(['The value set on the quote (upper or lower case does not matter).']);
    await type(inputNamed('Value', condition), 'high');
    await pick(comboboxNamed('Field', condition), 'Total in base currency');
    expect(describedBy(inputNamed('Value', condition))).toEqual(['An amount in the base currency (USD), e.g. 10000.']);
    await pick(comboboxNamed('Field', condition), 'Quote property');
    await type(inputNamed('Value', condition), 'high');
    await pick(comboboxNamed('Who approves', approverIn(rule)), 'The owner’s manager');

    await click(saveButton());
    expect(putBodies(api.calls)).toEqual([
      {
        requireApproval: false,
        defaultApproverId: null,
        rules: [
          {
            name: 'Risky',
            when: [{ conditions: [{ field: 'quoteProperty', property: 'risk_level', operator: 'eq', value: 'high' }] }],
            route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }],
            firstMatchOnly: true,
          },
        ],
        baseCurrency: 'USD',
        exchangeRates: { EUR: '1.1', GBP: '0' },
        businessHours: WORKING_WEEK,
        version: 3,
      },
    ]);
    const rate = rateOf('Rate: 1 GBP in USD');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(rate)).toEqual(['Enter a rate above 0 with at most 10 decimals, like 1.0825.']);
    const summary = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(summary.querySelector('a')?.textContent?.trim()).toBe('Rate: Enter a rate above 0 with at most 10 decimals, like 1.0825.');
  });

  it('checks what it can before saving: the summary at the top takes focus and links to each control', async () => {
    const { api } = await mountSettings({});

    await click(document.querySelector('input[role="switch"]') as HTMLElement);
    const rule = await addRule('');
    await click(saveButton());

    expect(putBodies(api.calls)).toEqual([]);
    const summary = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    expect(labelOf(summary)).toBe('Check these fields');
    expect([...summary.querySelectorAll('li')].map((item) => item.textContent?.trim())).toEqual([
      'Approver: Choose an approver to require approval on all quotes.',
      'Rule 1 › Name: Enter a name for this rule.',
      'Rule 1 › Condition group 1 › Condition 1 › Value: Enter a value.',
      'Rule 1 › Step 1 › Approver group 1 › Approver 1 › Person: Choose a person.',
    ]);
    const approver = comboboxNamed('Approver');
    expect(approver.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(approver)).toContain('Choose an approver to require approval on all quotes.');

    // A link goes to its control.
    await click(summary.querySelectorAll<HTMLAnchorElement>('a')[2] as HTMLElement);
    const value = inputNamed('Value', conditionIn(rule));
    expect(document.activeElement).toBe(value);
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(value)).toEqual(['A percentage from 0 to 100.', 'Enter a value.']);

    // Fixing a field takes its problem off the list.
    await type(value, '5');
    expect(value.getAttribute('aria-invalid')).toBe(null);
    expect(summary.querySelectorAll('li')).toHaveLength(3);
  });

  it('shows the API’s field problems at their controls and in the summary, which takes focus', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS, ESCALATION], version: 2 }) },
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'rules.1.when.1.conditions.0.value: must be a number from 0 to 100',
          details: {
            fields: [
              { field: 'rules.1.when.1.conditions.0.value', reason: 'must be a number from 0 to 100' },
              { field: 'rules.1.route.1.groups.0.approvers.0.userId', reason: 'must be an active manager or admin' },
            ],
          },
        },
      },
    });

    await click(saveButton());
    expect(putBodies(api.calls)).toHaveLength(1);

    const summary = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((link) => link.textContent?.trim())).toEqual([
      'Rule 2: Escalation › Condition group 2 › Condition 1 › Value: Enter a number from 0 to 100.',
      'Rule 2: Escalation › Step 2 › Approver group 1 › Approver 1 › Person: Choose an active manager or admin.',
    ]);
    const escalation = ruleAt(1);
    const value = inputNamed('Value', conditionIn(escalation, 1));
    expect(value.value).toBe('30');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(value)).toEqual(['A percentage from 0 to 100.', 'Enter a number from 0 to 100.']);
    const person = comboboxNamed('Person', stepIn(escalation, 1));
    expect(person.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(person)).toEqual(['Choose an active manager or admin.']);
    expect(summary.querySelectorAll('a')[1]?.getAttribute('href')).toBe(`#${person.id}`);

    // Moving the rule keeps each problem at its control.
    await click(button('Move Escalation up'));
    expect(inputNamed('Value', conditionIn(ruleAt(0), 1)).getAttribute('aria-invalid')).toBe('true');
    expect(summary.querySelector('a')?.textContent?.trim()).toBe('Rule 1: Escalation › Condition group 2 › Condition 1 › Value: Enter a number from 0 to 100.');
  });

  it('tries the policy as edited (unsaved) on a quote found by search, and shows the route', async () => {
    const acme = listItem({ id: '0190a000-0000-7000-8000-00000000c001', number: 'Q-2026-0042', title: 'Website redesign', companyName: 'Acme BV' });
    const other = listItem({ id: '0190a000-0000-7000-8000-00000000c002', number: 'Q-2026-0043', title: 'Hosting', companyName: 'Acme BV' });
    const searched: Array<string | null> = [];
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS], version: 5 }) },
      'GET /api/v1/quotes': ({ url }) => {
        searched.push(url.searchParams.get('q'));
        return { status: 200, body: { items: [acme, other], nextCursor: null, countsByStatus: {}, countsComplete: true } };
      },
      'POST /api/v1/approvals/try': ({ body }) =>
        (body as { quoteId: string }).quoteId === acme.id ? { status: 200, body: approvalPreviewBecause(bigDiscountsMatch) } : { status: 200, body: noApprovalNeeded },
    });

    // Edited, not saved: the threshold goes to 15.
    await type(inputNamed('Value', conditionIn(ruleAt(0))), '15');

    const card = document.querySelector('[data-testid="approval-try"]') as HTMLElement;
    expect(labelOf(card)).toBe('Try it on a quote');
    await type(inputNamed('Find a quote', card), 'Acme');
    await click(button('Search', card));
    expect(searched).toEqual(['Acme']);
    expect(card.querySelector('[role="status"]')?.textContent?.trim()).toBe('2 quotes found.');
    expect(labelOf(inputNamed('Q-2026-0042 · Website redesign · Acme BV', card))).toBe('Q-2026-0042 · Website redesign · Acme BV');
    expect(inputNamed('Q-2026-0042 · Website redesign · Acme BV', card).checked).toBe(true);

    await click(button('Try', card));

    const tries = api.calls.filter((call) => call.method === 'POST' && call.path === '/api/v1/approvals/try');
    expect(tries.map((call) => call.body)).toEqual([
      {
        requireApproval: false,
        defaultApproverId: null,
        rules: [{ ...BIG_DISCOUNTS, when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 15 }] }] }],
        baseCurrency: 'EUR',
        exchangeRates: {},
        businessHours: WORKING_WEEK,
        version: 5,
        quoteId: acme.id,
      },
    ]);
    expect(putBodies(api.calls)).toEqual([]);
    const result = card.querySelector('[data-testid="approval-try-result"]') as HTMLElement;
    expect(result.getAttribute('aria-live')).toBe('polite');
    expect(result.textContent).toContain('Quote Q-2026-0042: Website redesign');
    expect(card.querySelector('[data-testid="approval-try-sentence"]')?.textContent?.trim()).toBe('Needs approval from Max Manager, because discount 25% > 20%');
    expect(card.querySelector('[data-testid="route-steps"]')?.textContent).toContain('Step 1 of 1');
    expect(card.querySelector('[data-testid="route-steps"]')?.textContent).toContain('Max Manager');

    // Another quote needs no approval.
    await click(inputNamed('Q-2026-0043 · Hosting · Acme BV', card));
    await click(button('Try', card));
    expect(card.querySelector('[data-testid="approval-try-sentence"]')?.textContent?.trim()).toBe('No approval needed');
    expect(card.querySelector('[data-testid="route-steps"]')).toBeNull();
  });

  it('shows the problems of the policy as edited when trying it, as a save would', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS], version: 5 }) },
      'GET /api/v1/quotes': { status: 200, body: { items: [listItem()], nextCursor: null, countsByStatus: {}, countsComplete: true } },
      'POST /api/v1/approvals/try': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'rules.0.when.0.conditions.0.value: must be from 0 to 100',
          details: { fields: [{ field: 'rules.0.when.0.conditions.0.value', reason: 'must be from 0 to 100' }] },
        },
      },
    });
    await type(inputNamed('Value', conditionIn(ruleAt(0))), '120');
    const card = document.querySelector('[data-testid="approval-try"]') as HTMLElement;
    await click(button('Search', card));
    await click(button('Try', card));

    expect(api.calls.filter((call) => call.path === '/api/v1/approvals/try')).toHaveLength(1);
    expect(card.querySelector('[data-testid="approval-try-result"]')?.textContent?.trim()).toBe('The rules as edited have problems: fix them first (they are listed at the top).');
    const summary = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Rule 1: Big discounts › Condition group 1 › Condition 1 › Value: Enter a number from 0 to 100.');
    expect(inputNamed('Value', conditionIn(ruleAt(0))).getAttribute('aria-invalid')).toBe('true');
  });

  it('says the settings changed meanwhile on 409 and offers to reload them', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ requireApproval: true, defaultApproverId: max.id, version: 2 }) },
      'PUT /api/v1/approvals/settings': apiError(409, 'APPROVALS.STALE_SETTINGS'),
    });

    await click(saveButton());

    expect(document.querySelector('.form-failure')?.textContent).toContain('Someone else changed these settings meanwhile.');
    await click(button('Reload settings'));
    expect(api.calls.filter((call) => call.path === '/api/v1/approvals/settings' && call.method === 'GET')).toHaveLength(2);
  });

  it('tells non-admins that only admins can change these settings, without asking the API for them', async () => {
    const { api, wrapper } = await mountSettings({}, { ...rita });

    expect(wrapper.text()).toContain('Only admins can change these settings.');
    expect(document.querySelector('input[role="switch"]')).toBeNull();
    expect(api.calls.some((call) => call.path.startsWith('/api/v1/approvals/'))).toBe(false);
  });

  it('reads in Dutch', async () => {
    await mountPage(ApprovalSettingsPage, {
      path: '/settings/approvals',
      locale: 'nl',
      routes: {
        'GET /api/v1/me': { status: 200, body: ada },
        'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [ESCALATION] }) },
        'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
        'GET /api/v1/users': { status: 200, body: { items: [max] } },
        'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      },
    });

    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Goedkeuring');
    const rule = ruleAt(0);
    expect(labelOf(inputNamed('Alleen eerste treffer', rule))).toBe('Alleen eerste treffer');
    expect(comboboxNamed('Vergelijking', conditionIn(rule)).textContent?.trim()).toBe('is meer dan');
    expect(comboboxNamed('Wie keurt goed', approverIn(rule)).textContent?.trim()).toBe('De manager van de eigenaar');
    expect(button('Escalation omlaag').getAttribute('aria-label')).toBe('Escalation omlaag');
  });
});

describe('Settings → Approvals: reminders, escalation and business hours', () => {
  const TIMED: ApprovalRule = { ...BIG_DISCOUNTS, escalation: { remindAfterHours: 4, escalateAfterHours: 8, escalateTo: 'fallback' } };
  const LONDON = { timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' };
  const card = () => document.querySelector<HTMLElement>('[data-testid="approval-business-hours"]') as HTMLElement;
  const days = () => [...card().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => [labelOf(input), input.checked]);

  it('shows a rule’s reminders and escalation and the business hours, and sends them as edited (an emptied input as null)', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [TIMED], businessHours: LONDON, version: 6 }) },
      'PUT /api/v1/approvals/settings': ({ body }) => ({ status: 200, body: approvalSettings({ ...(body as object), version: 7 }) }),
    });

    const fieldset = ruleAt(0).querySelector('fieldset[data-testid="rule-escalation"]') as HTMLElement;
    expect(fieldset.querySelector('legend')?.textContent?.trim()).toBe('Reminders and escalation');
    expect(describedBy(fieldset)).toEqual([
      'Hours count only within the business hours below, from when a step starts. Escalating adds the people you choose beside the waiting approvers: the original approvers can still decide. Leave a field empty for no reminder or no escalation.',
    ]);
    const remind = inputNamed('Remind the approvers after', fieldset);
    const escalate = inputNamed('Escalate after', fieldset);
    expect([remind.value, escalate.value]).toEqual(['4', '8']);
    expect(describedBy(remind)).toEqual(['business hours']);
    const escalateTo = comboboxNamed('Escalate to', fieldset);
    expect(escalateTo.textContent?.trim()).toBe('The fallback approver');
    expect(await optionsOf(escalateTo)).toEqual(['Their manager', 'The fallback approver']);

    expect(labelOf(card())).toBe('Business hours');
    const zone = comboboxNamed('Time zone', card());
    expect(zone.textContent?.trim()).toBe('Europe/London');
    expect(describedBy(zone)).toEqual(['The working days and hours are in this time zone, e.g. Europe/Amsterdam.']);
    expect(card().querySelector('fieldset legend')?.textContent?.trim()).toBe('Working days');
    expect(days()).toEqual([
      ['Monday', true],
      ['Tuesday', true],
      ['Wednesday', true],
      ['Thursday', true],
      ['Friday', true],
      ['Saturday', false],
      ['Sunday', false],
    ]);
    const start = inputNamed('Start of the working day', card());
    expect([start.type, start.value, inputNamed('End of the working day', card()).value]).toEqual(['time', '08:00', '16:00']);

    await type(remind, '');
    await type(escalate, '12,5');
    await pick(escalateTo, 'Their manager');
    await pick(zone, 'Europe/Amsterdam');
    await click(inputNamed('Friday', card()));
    await click(inputNamed('Sunday', card()));
    await type(start, '07:30');
    await click(saveButton());

    expect(putBodies(api.calls)).toEqual([
      {
        requireApproval: false,
        defaultApproverId: null,
        rules: [{ ...BIG_DISCOUNTS, escalation: { remindAfterHours: null, escalateAfterHours: 12.5, escalateTo: 'manager' } }],
        baseCurrency: 'EUR',
        exchangeRates: {},
        businessHours: { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 7], start: '07:30', end: '16:00' },
        version: 6,
      },
    ]);
    await flushPromises();
    // As saved: the form shows what the API answered.
    expect([inputNamed('Remind the approvers after', ruleAt(0)).value, inputNamed('Escalate after', ruleAt(0)).value]).toEqual(['', '12.5']);
  });

  it('checks the hours and days before saving, and puts the API’s problems at their controls and in the summary', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [TIMED], version: 2 }) },
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'rules.0.escalation.escalateAfterHours: must be after the reminder',
          details: {
            fields: [
              { field: 'rules.0.escalation.escalateAfterHours', reason: 'must be after the reminder' },
              { field: 'businessHours.timeZone', reason: 'must be an IANA time zone such as Europe/Amsterdam' },
              { field: 'businessHours.end', reason: 'must be after the start' },
            ],
          },
        },
      },
    });
    const remind = inputNamed('Remind the approvers after', ruleAt(0));
    await type(remind, 'soon');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await click(inputNamed(day, card()));
    await click(saveButton());

    expect(putBodies(api.calls)).toEqual([]);
    const summary = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((link) => link.textContent?.trim())).toEqual([
      'Rule 1: Big discounts › Remind the approvers after: Enter business hours from 0.25 to 500, in quarter hours (like 4 or 1.5).',
      'Working days: Choose at least one working day.',
    ]);
    expect(remind.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(remind)).toEqual(['business hours', 'Enter business hours from 0.25 to 500, in quarter hours (like 4 or 1.5).']);
    const monday = inputNamed('Monday', card());
    expect(describedBy(monday)).toEqual(['Choose at least one working day.']);
    await click(summary.querySelectorAll<HTMLAnchorElement>('a')[1] as HTMLElement);
    expect(document.activeElement).toBe(monday);

    // Fixed here; the API finds more.
    await type(remind, '2');
    await click(monday);
    await click(saveButton());
    expect(putBodies(api.calls)).toHaveLength(1);
    // The summary went once every problem was fixed; the API's problems bring it back, with focus.
    const again = document.querySelector('[data-testid="approval-error-summary"]') as HTMLElement;
    expect(document.activeElement).toBe(again);
    expect([...again.querySelectorAll('a')].map((link) => link.textContent?.trim())).toEqual([
      'Rule 1: Big discounts › Escalate after: Escalate later than the reminder.',
      'Time zone: Choose a time zone.',
      'End of the working day: The working day must end after it starts.',
    ]);
    const escalate = inputNamed('Escalate after', ruleAt(0));
    expect(escalate.getAttribute('aria-invalid')).toBe('true');
    expect(again.querySelector('a')?.getAttribute('href')).toBe(`#${escalate.id}`);
    expect(describedBy(comboboxNamed('Time zone', card()))).toEqual(['The working days and hours are in this time zone, e.g. Europe/Amsterdam.', 'Choose a time zone.']);
    const end = inputNamed('End of the working day', card());
    expect(describedBy(end)).toEqual(['The working day must end after it starts.']);
    // Changing the start or the end may fix the order: both lose the problem.
    await type(inputNamed('Start of the working day', card()), '08:00');
    expect(end.getAttribute('aria-invalid')).toBe(null);
    expect(again.querySelectorAll('a')).toHaveLength(2);
  });

  it('reads in Dutch, with the weekdays in Dutch', async () => {
    await mountPage(ApprovalSettingsPage, {
      path: '/settings/approvals',
      locale: 'nl',
      routes: {
        'GET /api/v1/me': { status: 200, body: ada },
        'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [TIMED] }) },
        'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
        'GET /api/v1/users': { status: 200, body: { items: [max] } },
        'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      },
    });

    const fieldset = ruleAt(0).querySelector('fieldset[data-testid="rule-escalation"]') as HTMLElement;
    expect(fieldset.querySelector('legend')?.textContent?.trim()).toBe('Herinneringen en escalatie');
    expect(describedBy(inputNamed('Herinner de goedkeurders na', fieldset))).toEqual(['werkuren']);
    expect(comboboxNamed('Escaleer naar', fieldset).textContent?.trim()).toBe('De reservegoedkeurder');
    expect(labelOf(card())).toBe('Werktijden');
    expect(days().map(([label]) => label)).toEqual(['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag']);
    expect(inputNamed('Begin van de werkdag', card()).value).toBe('09:00');
  });
});
