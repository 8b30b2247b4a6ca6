import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalSettings, approvalWorkflows, max } from '../../testing/approvals';
import { rita } from '../../testing/quotes';
import type { ApprovalRule } from './approvals-api';
import ApprovalSettingsPage from './approval-settings-page.vue';

const BIG_DISCOUNTS: ApprovalRule = {
  id: '0190a000-0000-7000-8000-0000000aa001',
  name: 'Big discounts',
  when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
  route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
  firstMatchOnly: true,
};

/** A rule this editor cannot show: the owner's manager, then Max, for big deals or big discounts, stacking. */
const ESCALATION: ApprovalRule = {
  id: '0190a000-0000-7000-8000-0000000aa002',
  name: 'Escalation',
  when: [{ conditions: [{ field: 'total', operator: 'gt', value: '50000' }] }, { conditions: [{ field: 'effectiveDiscountPercent', operator: 'gte', value: 30 }] }],
  route: [{ groups: [{ approvers: [{ kind: 'manager', levels: 1 }], mode: 'any' }] }, { groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
  firstMatchOnly: false,
};

function mountSettings(routes: Record<string, FakeRoute>, me = ada) {
  return mountPage(ApprovalSettingsPage, {
    path: '/settings/quotes',
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings() },
      'GET /api/v1/users': { status: 200, body: { items: [max, adaUser] } },
      'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      ...routes,
    },
  });
}

function labelOf(element: Element): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (ids.length) return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  const id = element.getAttribute('id');
  return (id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : '') ?? '';
}

function comboboxNamed(name: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('[role="combobox"]')].find((element) => labelOf(element) === name);
  if (!found) throw new Error(`no combobox named ${name}`);
  return found;
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** Opens a PrimeVue Select by its combobox and picks an option (PrimeVue picks on mousedown). */
async function pick(combobox: Element | undefined, option: string): Promise<void> {
  combobox?.closest('.p-select')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  const item = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((element) => element.getAttribute('aria-label') === option || element.textContent?.trim() === option);
  if (!item) throw new Error(`no option ${option}`);
  item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await flushPromises();
}

/** Ticks an option of a PrimeVue MultiSelect and closes it again. */
async function chooseInMultiSelect(combobox: HTMLElement, option: string): Promise<void> {
  combobox.closest('.p-multiselect')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  const item = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((element) => element.getAttribute('aria-label') === option || element.textContent?.trim() === option);
  if (!item) throw new Error(`no option ${option}`);
  item.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
  await flushPromises();
}

/** PrimeVue overlays give focus back to their field when they finish closing: wait for that. */
async function overlaysClosed(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('.p-select-overlay, .p-multiselect-overlay')).toBeNull());
  await flushPromises();
}

function putBodies(calls: Array<{ method: string; path: string; body: unknown }>) {
  return calls.filter((call) => call.method === 'PUT' && call.path === '/api/v1/approvals/settings').map((call) => call.body);
}

describe('Settings → Quotes (approval settings)', () => {
  it('labels the switch and the Approver select, and offers managers and admins as approvers', async () => {
    await mountSettings({});

    const toggle = document.querySelector<HTMLInputElement>('input[role="switch"]');
    expect(toggle).not.toBeNull();
    expect(labelOf(toggle as Element)).toBe('Require approval on all quotes');
    expect(document.getElementById(toggle?.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Submitted quotes wait for the approver before they are published.');
    const approver = comboboxNamed('Approver');
    expect(approver.getAttribute('aria-labelledby')).toBe('approval-approver-label');
    expect(document.getElementById('approval-approver-label')?.textContent?.trim()).toBe('Approver');

    approver.closest('.p-select')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flushPromises();
    const options = [...document.querySelectorAll('[role="option"]')].map((option) => option.textContent?.trim());
    expect(options).toEqual(['Max Manager', 'Ada Admin']);
  });

  it('builds the PUT body from the switch, the approver and the rules in the order shown, then lists the five workflows with links', async () => {
    const saved = approvalSettings({ requireApproval: true, defaultApproverId: max.id, version: 4 });
    const { api, wrapper } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS], version: 3 }) },
      'PUT /api/v1/approvals/settings': { status: 200, body: saved },
      // The set key comes from the API: a workflow of another set is not an approval workflow.
      'GET /api/v1/workflows': {
        status: 200,
        body: { items: [...approvalWorkflows(true, 'quote-approvals-v2'), { ...approvalWorkflows(true)[0], id: 'wf-old', name: 'Old approval set' }], quoteApprovalSetKey: 'quote-approvals-v2' },
      },
    });

    await wrapper.get('input[role="switch"]').setValue(true);
    await pick(comboboxNamed('Approver'), 'Max Manager');

    // A second rule: "Large deals", total ≥ 10000, approved by all of Max and Ada; then moved to the top.
    await overlaysClosed();
    button('Add rule').click();
    await flushPromises();
    const nameInputs = () => [...document.querySelectorAll<HTMLInputElement>('input[id$="-name"]')];
    expect(nameInputs()).toHaveLength(2);
    expect(document.activeElement).toBe(nameInputs()[1]);
    const second = wrapper.get('[data-rule-index="1"]');
    await second?.get('input[id$="-name"]').setValue('Large deals');
    const secondCombos = () => second?.findAll('[role="combobox"]').map((combo) => combo.element) ?? [];
    await pick(secondCombos()[0], 'Total');
    await pick(secondCombos()[1], 'is at least');
    await second?.get('input[id*="-cond-"][id$="-value"]').setValue('10000');
    const approvers = document.getElementById((second?.get('[id$="-approvers-label"]').attributes('id') ?? '').replace(/-label$/, '')) as HTMLElement;
    await chooseInMultiSelect(approvers, 'Max Manager');
    await chooseInMultiSelect(approvers, 'Ada Admin');
    await second?.get('input[value="all"]').setValue(true);

    await overlaysClosed();
    button('Move rule 2 up').click();
    await flushPromises();
    expect(wrapper.get('[data-rule-index="0"] h3').text()).toBe('Rule 1: Large deals');
    expect(wrapper.get('[data-rule-index="1"] h3').text()).toBe('Rule 2: Big discounts');
    // The moved rule keeps keyboard focus (its "up" button is off at the top, so its "down" button).
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move rule 1 down');

    button('Set approver and create workflows').click();
    await flushPromises();

    expect(putBodies(api.calls)).toEqual([
      {
        requireApproval: true,
        defaultApproverId: max.id,
        rules: [
          {
            name: 'Large deals',
            when: [{ conditions: [{ field: 'total', operator: 'gte', value: '10000' }] }],
            route: [
              {
                groups: [
                  {
                    approvers: [
                      { kind: 'user', userId: max.id },
                      { kind: 'user', userId: adaUser.id },
                    ],
                    mode: 'all',
                  },
                ],
              },
            ],
            firstMatchOnly: true,
          },
          BIG_DISCOUNTS,
        ],
        version: 3,
      },
    ]);
    await flushPromises();
    expect(document.querySelector('[role="status"]')?.textContent).toContain('Settings saved.');
    const list = wrapper.get('[data-testid="approval-workflows"]');
    expect(list?.text()).toContain('Approval is on.');
    expect(list?.findAll('li a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['When quotes need approval', '/workflows/0190a000-0000-7000-8000-0000000bf001'],
      ['When changes are requested on a quote', '/workflows/0190a000-0000-7000-8000-0000000bf002'],
      ['When quotes are approved', '/workflows/0190a000-0000-7000-8000-0000000bf003'],
      ['When a quote is withdrawn from approval', '/workflows/0190a000-0000-7000-8000-0000000bf004'],
      ['When an approval step starts', '/workflows/0190a000-0000-7000-8000-0000000bf005'],
    ]);
  });

  it('sends no version before the first save and turns an "in" list of currencies into an array', async () => {
    const { api, wrapper } = await mountSettings({
      'PUT /api/v1/approvals/settings': { status: 200, body: approvalSettings({ version: 1 }) },
    });
    button('Add rule').click();
    await flushPromises();
    const rule = wrapper.get('[data-rule-index="0"]');
    await rule?.get('input[id$="-name"]').setValue('Foreign currencies');
    const combos = () => rule?.findAll('[role="combobox"]').map((combo) => combo.element) ?? [];
    await pick(combos()[0], 'Currency');
    await pick(combos()[1], 'is one of');
    await rule?.get('input[id*="-cond-"][id$="-value"]').setValue('usd, gbp');
    const approvers = document.getElementById((rule?.get('[id$="-approvers-label"]').attributes('id') ?? '').replace(/-label$/, '')) as HTMLElement;
    await chooseInMultiSelect(approvers, 'Max Manager');

    button('Set approver and create workflows').click();
    await flushPromises();

    expect(putBodies(api.calls)).toEqual([
      {
        requireApproval: false,
        defaultApproverId: null,
        rules: [
          {
            name: 'Foreign currencies',
            when: [{ conditions: [{ field: 'currency', operator: 'in', value: ['USD', 'GBP'] }] }],
            route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
            firstMatchOnly: true,
          },
        ],
      },
    ]);
  });

  it('asks for an approver before saving when approval is required on all quotes', async () => {
    const { api, wrapper } = await mountSettings({});

    await wrapper.get('input[role="switch"]').setValue(true);
    button('Set approver and create workflows').click();
    await flushPromises();

    expect(putBodies(api.calls)).toEqual([]);
    expect(document.getElementById('approval-approver-error')?.textContent).toBe('Choose an approver to require approval on all quotes.');
    expect(comboboxNamed('Approver').getAttribute('aria-invalid')).toBe('true');
    expect(comboboxNamed('Approver').getAttribute('aria-describedby')).toBe('approval-approver-hint approval-approver-error');
    expect(document.activeElement).toBe(comboboxNamed('Approver'));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Check the highlighted fields.');

    // Choosing an approver clears the problem and the summary with it.
    comboboxNamed('Approver').closest('.p-select')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flushPromises();
    [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === 'Max Manager')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await flushPromises();
    expect(document.getElementById('approval-approver-error')).toBeNull();
    expect(document.querySelector('[role="alert"]')?.textContent?.trim()).toBe('');
  });

  it('shows the API’s 422 field problems at their fields (the approver, a rule’s approvers)', async () => {
    const { wrapper } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ requireApproval: true, defaultApproverId: max.id, rules: [BIG_DISCOUNTS], version: 2 }) },
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'rules.0.route.0.groups.0.approvers.0.userId: must be an active manager or admin',
          details: {
            fields: [
              { field: 'rules.0.route.0.groups.0.approvers.0.userId', reason: 'must be an active manager or admin' },
              { field: 'rules.0.when.0.conditions.0.value', reason: 'must be a number from 0 to 100' },
            ],
          },
        },
      },
    });

    button('Set approver and create workflows').click();
    await flushPromises();

    const rule = wrapper.get('[data-rule-index="0"]');
    const approversError = rule?.find('[id$="-approverIds-error"]');
    expect(approversError?.text()).toBe('Choose an active manager or admin.');
    expect(rule?.get('[id$="-conditions-0-value-error"]').text()).toBe('must be a number from 0 to 100');
    const value = rule?.get('input[id*="-cond-"][id$="-value"]');
    expect(value?.attributes('aria-invalid')).toBe('true');
    expect(value?.attributes('aria-describedby')).toContain(rule?.get('[id$="-conditions-0-value-error"]').attributes('id'));
    expect(document.getElementById('approval-approver-error')).toBeNull();
    // Focus goes to the first problem in reading order: the condition's value comes before the approvers.
    expect(document.activeElement).toBe(value?.element);
  });

  it('shows a rule it cannot edit read-only, in words, and sends it back unchanged in its place', async () => {
    const { api, wrapper } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [ESCALATION, BIG_DISCOUNTS], version: 7 }) },
      'PUT /api/v1/approvals/settings': ({ body }) => ({ status: 200, body: approvalSettings({ ...(body as object), version: 8 }) }),
    });

    const locked = wrapper.get('[data-rule-index="0"]');
    expect(locked.get('h3').text()).toBe('Rule 1: Escalation');
    expect(locked.get('[data-testid="rule-advanced"]').text()).toBe('This rule uses routing this editor cannot show yet; edit it through the API. It is saved as it is.');
    expect(locked.find('input').exists()).toBe(false);
    expect(locked.findAll('.advanced-facts dd').map((dd) => dd.text())).toEqual([
      'Escalation',
      'total > 50000 or discount ≥ 30%',
      expect.stringMatching(/^Step 1: the owner’s manager\s*Step 2: Max Manager$/),
    ]);
    expect(locked.text()).toContain('Later rules that match apply too');
    // Big discounts stays editable.
    expect(wrapper.get('[data-rule-index="1"] input[id$="-name"]').element).toHaveProperty('value', 'Big discounts');

    button('Move rule 1 down').click();
    await flushPromises();
    button('Set approver and create workflows').click();
    await flushPromises();

    expect(putBodies(api.calls)).toEqual([{ requireApproval: false, defaultApproverId: null, rules: [BIG_DISCOUNTS, ESCALATION], version: 7 }]);
  });

  it('shows the API’s problem with a read-only rule at its notice', async () => {
    await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [ESCALATION], version: 7 }) },
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: {
          statusCode: 422,
          code: 'APPROVALS.INVALID_SETTINGS',
          message: 'rules.0.route.1.groups.0.approvers.0.userId: must be an active manager or admin',
          details: { fields: [{ field: 'rules.0.route.1.groups.0.approvers.0.userId', reason: 'must be an active manager or admin' }] },
        },
      },
    });

    button('Set approver and create workflows').click();
    await flushPromises();

    const notice = document.querySelector<HTMLElement>('[data-testid="rule-advanced"]');
    const error = document.getElementById(notice?.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Choose an active manager or admin.');
    expect(document.activeElement).toBe(notice);
  });

  it('says the settings changed meanwhile on 409 and offers to reload them', async () => {
    const { api } = await mountSettings({
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ requireApproval: true, defaultApproverId: max.id, version: 2 }) },
      'PUT /api/v1/approvals/settings': apiError(409, 'APPROVALS.STALE_SETTINGS'),
    });

    button('Set approver and create workflows').click();
    await flushPromises();

    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Someone else changed these settings meanwhile.');
    button('Reload settings').click();
    await flushPromises();
    expect(api.calls.filter((call) => call.path === '/api/v1/approvals/settings' && call.method === 'GET')).toHaveLength(2);
  });

  it('tells non-admins that only admins can change these settings, without asking the API for them', async () => {
    const { api, wrapper } = await mountSettings({}, { ...rita });

    expect(wrapper.text()).toContain('Only admins can change these settings.');
    expect(document.querySelector('input[role="switch"]')).toBeNull();
    expect(api.calls.some((call) => call.path === '/api/v1/approvals/settings')).toBe(false);
  });
});
