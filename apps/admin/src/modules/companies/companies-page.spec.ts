import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import SettingsPage from '../settings/settings-page.vue';
import CompaniesPage from './companies-page.vue';

const rita = { id: '0190a000-0000-7000-8000-00000000a003', name: 'Rita Rep' };
const acme = { id: '0190a000-0000-7000-8000-0000000c0001', name: 'Acme BV', domain: 'acme.example', country: 'NL', ownerId: null };
const globex = { id: '0190a000-0000-7000-8000-0000000c0002', name: 'Globex', domain: null, country: null, ownerId: rita.id };
const patchGlobex = `PATCH /api/v1/crm/companies/${globex.id}`;

function mountCompanies(routes: Record<string, FakeRoute> = {}, options: { role?: 'rep' | 'manager' | 'admin'; locale?: 'en' | 'nl' } = {}) {
  return mountPage(CompaniesPage, {
    path: '/settings/companies',
    locale: options.locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: { ...ada, role: options.role ?? 'manager' } },
      'GET /api/v1/crm/companies': ({ url }) => {
        const search = url.searchParams.get('search')?.toLowerCase() ?? '';
        return { status: 200, body: { items: [acme, globex].filter((c) => c.name.toLowerCase().includes(search)) } };
      },
      'GET /api/v1/users/names': { status: 200, body: { items: [rita] } },
      ...routes,
    },
  });
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const rows = () =>
  [...document.querySelectorAll('tr[data-company]')].map((row) => [...row.querySelectorAll('th, td')].slice(0, 4).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
const byLabel = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);

async function openEdit(name: string): Promise<HTMLButtonElement> {
  const button = byLabel(`Edit ${name}`)!;
  button.focus();
  button.click();
  await flushPromises();
  await vi.waitFor(() => expect(dialog()).not.toBeNull());
  return button;
}

/** Picks an option of the PrimeVue Select whose combobox has this id (it selects on mousedown). */
async function pick(comboboxId: string, option: string): Promise<void> {
  (document.getElementById(comboboxId)!.closest('.p-select') as HTMLElement).click();
  await flushPromises();
  const choice = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option);
  if (!choice) throw new Error(`no option "${option}"`);
  choice.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await flushPromises();
  await vi.waitFor(() => expect(document.querySelector('[role="listbox"]')).toBeNull());
}

function type(id: string, value: string): void {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function save(): Promise<void> {
  document.querySelector<HTMLFormElement>('#company-edit-form')!.dispatchEvent(new Event('submit'));
  await flushPromises();
}

describe('Settings → Companies (managers and admins)', () => {
  it('lists the companies with domain, country by name and owner, and searches by name', async () => {
    const { api } = await mountCompanies();
    expect(document.querySelector('h1')?.textContent).toBe('Companies');
    expect(rows()).toEqual([
      ['Acme BV', 'acme.example', 'Netherlands', 'Shared'],
      ['Globex', '—No domain', '—No country', 'Rita Rep'],
    ]);
    expect(document.querySelector('label[for="companies-search"]')?.textContent).toBe('Search companies');

    type('companies-search', 'glob');
    (document.getElementById('companies-search') as HTMLInputElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flushPromises();
    expect(rows().map((row) => row[0])).toEqual(['Globex']);
    type('companies-search', 'nothing like it');
    (document.getElementById('companies-search') as HTMLInputElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flushPromises();
    expect(document.querySelector('.muted')?.textContent).toBe('No company matches “nothing like it”.');
    expect(api.calls.filter((call) => call.path === '/api/v1/crm/companies').length).toBe(3);
  });

  it('edits name, domain and country in a labelled dialog, sends only what changed, shows the new row and gives focus back', async () => {
    const { api } = await mountCompanies({ [patchGlobex]: ({ body }) => ({ status: 200, body: { ...globex, ...(body as object) } }) });
    const editButton = await openEdit('Globex');
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)?.textContent).toBe('Edit Globex');
    expect(document.querySelector('label[for="company-edit-name"]')?.textContent).toBe('Name');
    expect(document.querySelector('label[for="company-edit-domain"]')?.textContent).toBe('Domain');
    expect(document.getElementById('company-edit-country')?.getAttribute('aria-labelledby')).toBe('company-edit-country-label');
    expect(document.getElementById('company-edit-country-label')?.textContent).toBe('Country');

    type('company-edit-domain', ' globex.example ');
    await pick('company-edit-country', 'Germany');
    await save();

    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([{ method: 'PATCH', path: `/api/v1/crm/companies/${globex.id}`, body: { domain: 'globex.example', country: 'DE' } }]);
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(rows()[1]).toEqual(['Globex', 'globex.example', 'Germany', 'Rita Rep']);
    expect(document.querySelector('.companies-status')?.textContent).toBe('Globex is saved.');
    await vi.waitFor(() => expect(document.activeElement).toBe(editButton));
  });

  it('clears a country with None', async () => {
    const patchAcme = `PATCH /api/v1/crm/companies/${acme.id}`;
    const { api } = await mountCompanies({ [patchAcme]: ({ body }) => ({ status: 200, body: { ...acme, ...(body as object) } }) });
    await openEdit('Acme BV');
    await pick('company-edit-country', 'None');
    await save();
    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([{ country: null }]);
    await vi.waitFor(() => expect(rows()[0]).toEqual(['Acme BV', 'acme.example', '—No country', 'Shared']));
  });

  it("shows the server's refusal at the field, with a summary linking to it, and keeps the dialog open", async () => {
    await mountCompanies({
      [patchGlobex]: {
        status: 422,
        body: { statusCode: 422, code: 'CRM.INVALID_COMPANY', message: 'country', details: { fields: [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code like NL' }] } },
      },
    });
    await openEdit('Globex');
    await pick('company-edit-country', 'Belgium');
    await save();

    const country = document.getElementById('company-edit-country')!;
    expect(document.getElementById('company-edit-country-error')?.textContent).toBe('Choose a country from the list.');
    expect(country.closest('.p-select')?.querySelector('[aria-describedby]')?.getAttribute('aria-describedby')).toContain('company-edit-country-error');
    const summary = document.querySelector('[data-testid="company-edit-summary"]')!;
    expect([summary.getAttribute('role'), summary.querySelector('a')?.textContent]).toEqual(['alert', 'Country: Choose a country from the list.']);
    expect(dialog()).not.toBeNull();
  });

  it('refuses an empty name at the field without asking the API', async () => {
    const { api } = await mountCompanies();
    await openEdit('Globex');
    type('company-edit-name', '  ');
    await save();
    expect(document.getElementById('company-edit-name-error')?.textContent).toBe('Enter a name.');
    expect(document.getElementById('company-edit-name')?.getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('company-edit-name'));
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('names countries in Dutch for Dutch users', async () => {
    await mountCompanies({}, { locale: 'nl' });
    expect(rows()[0]).toEqual(['Acme BV', 'acme.example', 'Nederland', 'Gedeeld']);
  });

  it('tells reps the page is not theirs and loads nothing', async () => {
    const { api } = await mountCompanies({}, { role: 'rep' });
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('Only sales managers and admins manage companies.');
    expect(api.calls.filter((call) => call.path === '/api/v1/crm/companies')).toEqual([]);
  });

  it.each([
    ['manager', ['Companies']],
    ['rep', []],
  ] as const)('is linked from Settings → Customers for a %s: %j', async (role, links) => {
    await mountPage(SettingsPage, {
      path: '/settings',
      routes: { 'GET /api/v1/me': { status: 200, body: { ...ada, role } }, 'GET /api/v1/me/api-tokens': { status: 200, body: { items: [] } } },
    });
    const link = document.querySelector<HTMLAnchorElement>('a[href="/settings/companies"]');
    expect(link ? [link.textContent] : []).toEqual(links);
    if (link) expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('Name, domain and country of the companies quotes are for.');
  });
});
