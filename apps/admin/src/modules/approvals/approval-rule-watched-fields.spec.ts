import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalSettings, conditionFields, max } from '../../testing/approvals';
import type { AppLocale } from '../../i18n';
import type { ApprovalRule } from './approvals-api';
import ApprovalSettingsPage from './approval-settings-page.vue';

// Smart re-approval in the policy editor: each rule says which quote fields ask its approvers again
// when the quote comes back for approval.

const BIG_DISCOUNTS: ApprovalRule = {
  id: '0190a000-0000-7000-8000-0000000aa001',
  name: 'Big discounts',
  when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
  route: [{ groups: [{ approvers: [{ kind: 'user', userId: max.id }], mode: 'any' }] }],
  firstMatchOnly: true,
  watchedFields: ['total'],
};

function mountSettings(routes: Record<string, FakeRoute> = {}, locale: AppLocale = 'en') {
  return mountPage(ApprovalSettingsPage, {
    path: '/settings/approvals',
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: ada },
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings({ rules: [BIG_DISCOUNTS], version: 4 }) },
      'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
      'GET /api/v1/users': { status: 200, body: { items: [max, adaUser] } },
      'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      ...routes,
    },
  });
}

const fieldset = () => document.querySelector<HTMLFieldSetElement>('[data-rule-index="0"] fieldset[data-testid="watched-fields"]') as HTMLFieldSetElement;
/** Each checkbox of the group with its label and whether it is ticked. */
const checkboxes = () =>
  [...fieldset().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => [document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim(), input.checked] as const);
const checkbox = (label: string) => {
  const input = [...fieldset().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((candidate) => document.querySelector(`label[for="${candidate.id}"]`)?.textContent?.trim() === label);
  if (!input) throw new Error(`no checkbox ${label}`);
  return input;
};
const describedBy = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim());
async function click(element: HTMLElement) {
  element.click();
  await flushPromises();
}
const save = () => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Set approver and create workflows') as HTMLButtonElement;
const putRules = (calls: Array<{ method: string; path: string; body: unknown }>) =>
  calls.filter((call) => call.method === 'PUT' && call.path === '/api/v1/approvals/settings').map((call) => (call.body as { rules: ApprovalRule[] }).rules.map((rule) => rule.watchedFields));

describe('approval rule: the fields that ask its approvers again', () => {
  it('is a labelled group of checkboxes with the saved fields ticked, and sends the ticked ones in the catalogue order', async () => {
    const { api } = await mountSettings({ 'PUT /api/v1/approvals/settings': ({ body }) => ({ status: 200, body: approvalSettings({ ...(body as object), version: 5 }) }) });

    expect(fieldset().querySelector('legend')?.textContent?.trim()).toBe('Ask again when these change');
    expect(describedBy(fieldset())).toEqual([
      'When a quote comes back for approval, the steps of this rule that approved it last time keep their approval unless one of the ticked fields changed. Tick none to ask again after any change.',
    ]);
    expect(checkboxes()).toEqual([
      ['Total', true],
      ['Quote discount', false],
      ['Any line discount', false],
      ['Lines (added, removed, quantity or price)', false],
      ['Currency', false],
      ['Title', false],
      ['Expiry date', false],
      ['Payment terms', false],
      ['Company', false],
      ['Deal', false],
    ]);

    await click(checkbox('Payment terms'));
    await click(checkbox('Title'));
    await click(save());
    // Ticking none again sends none: any change asks again.
    for (const label of ['Total', 'Title', 'Payment terms']) await click(checkbox(label));
    await click(save());
    expect(putRules(api.calls)).toEqual([[['total', 'title', 'paymentTerms']], [undefined]]);
  });

  it('speaks Dutch', async () => {
    await mountSettings({}, 'nl');
    expect(fieldset().querySelector('legend')?.textContent?.trim()).toBe('Opnieuw vragen als dit verandert');
    expect(checkboxes().map(([label]) => label)).toEqual(['Totaal', 'Offertekorting', 'Een regelkorting', 'Regels (toegevoegd, verwijderd, aantal of prijs)', 'Valuta', 'Titel', 'Vervaldatum', 'Betalingstermijn', 'Bedrijf', 'Deal']);
  });

  it('shows a problem the API finds with the list at its first checkbox', async () => {
    const reason = 'must be one of total, quoteDiscount, lineDiscounts, lines, currency, title, expiresOn, paymentTerms, company, deal';
    await mountSettings({
      'PUT /api/v1/approvals/settings': {
        status: 422,
        body: { statusCode: 422, code: 'APPROVALS.INVALID_SETTINGS', message: `rules.0.watchedFields.0: ${reason}`, details: { fields: [{ field: 'rules.0.watchedFields.0', reason }] } },
      },
    });
    await click(save());
    const first = checkbox('Total');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(first)).toEqual([reason]);
    expect(document.querySelector('[data-testid="approval-error-summary"], .error-summary')?.textContent).toContain('Rule 1: Big discounts › Ask again when these change');
  });
});
