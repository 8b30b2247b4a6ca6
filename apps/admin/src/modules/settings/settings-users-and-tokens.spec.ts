import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, max, maxMe } from '../../testing/approvals';
import SettingsPage from './settings-page.vue';

const rita = { id: '0190a000-0000-7000-8000-00000000a003', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' as const, active: true, team: 'Sales', reportsTo: max.id };
const remy = { id: '0190a000-0000-7000-8000-00000000a004', email: 'rep2@example.com', name: 'Remy Rep', role: 'rep' as const, active: false, team: null, reportsTo: null };
const ciToken = {
  id: '0190a000-0000-7000-8000-0000000bb001',
  name: 'CI export',
  prefix: 'qa_t_AbCd',
  createdAt: '2026-11-01T09:00:00.000Z',
  expiresAt: '2027-01-30T09:00:00.000Z',
  lastUsedAt: null,
};

function mountSettings(routes: Record<string, FakeRoute>, options: { me?: typeof ada; locale?: 'en' | 'nl' } = {}) {
  return mountPage(SettingsPage, {
    path: '/settings',
    locale: options.locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: options.me ?? ada },
      'GET /api/v1/users': { status: 200, body: { items: [{ ...adaUser, team: null, reportsTo: null }, { ...max, team: 'Sales', reportsTo: adaUser.id }, rita, remy] } },
      'GET /api/v1/me/api-tokens': { status: 200, body: { items: [ciToken] } },
      ...routes,
    },
  });
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}
const row = (attribute: string, value: string) => document.querySelector<HTMLTableRowElement>(`tr[${attribute}="${value}"]`);
const cells = (tr: HTMLTableRowElement | null) => [...(tr?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

describe('Settings → Users (admins)', () => {
  it('lists every user with role, team, manager and state, and offers no deactivation of the admin themselves', async () => {
    await mountSettings({});
    expect(document.querySelector('#settings-users')?.textContent).toBe('Users');
    expect([...document.querySelectorAll('#settings-users ~ [role="region"] table thead th')].map((th) => th.textContent?.trim())).toEqual(['Name', 'E-mail', 'Role', 'Team', 'Reports to', 'State', 'Actions']);
    // On a narrow screen the table scrolls sideways in its own focusable region, not the page.
    const box = document.querySelector('#settings-users ~ [role="region"]');
    expect([box?.getAttribute('aria-label'), box?.getAttribute('tabindex')]).toEqual(['Users table', '0']);
    expect(cells(row('data-user', 'rep@example.com')).slice(0, 6)).toEqual(['Rita Rep', 'rep@example.com', 'Sales rep', 'Sales', 'Max Manager', 'Active']);
    expect(cells(row('data-user', 'rep2@example.com')).slice(0, 6)).toEqual(['Remy Rep', 'rep2@example.com', 'Sales rep', '—No team', '—Nobody', 'Deactivated']);
    expect(cells(row('data-user', 'admin@example.com'))[0]).toBe('Ada Admin (you)');
    expect([...(row('data-user', 'admin@example.com')?.querySelectorAll('button') ?? [])].map((b) => b.getAttribute('aria-label'))).toEqual(['Edit Ada Admin']);
    expect(button('Deactivate Rita Rep')).toBeTruthy();
    expect(button('Reactivate Remy Rep')).toBeTruthy();
  });

  it('deactivates only after the confirmation, then shows the new state', async () => {
    const { api } = await mountSettings({ 'POST /api/v1/users/0190a000-0000-7000-8000-00000000a003/deactivate': { status: 200, body: { ...rita, active: false } } });
    button('Deactivate Rita Rep').click();
    await flushPromises();
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('Deactivate Rita Rep?');
    expect(dialog?.textContent).toContain('their API tokens stop working');
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    button('Cancel').click();
    await flushPromises();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    button('Deactivate Rita Rep').click();
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[role="dialog"] button[data-confirm]')!.click();
    await flushPromises();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/api/v1/users/0190a000-0000-7000-8000-00000000a003/deactivate']);
    expect(cells(row('data-user', 'rep@example.com'))[5]).toBe('Deactivated');
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Rita Rep is deactivated.');
    expect(button('Reactivate Rita Rep')).toBeTruthy();
  });

  it('reactivates after confirmation, and says so when it fails', async () => {
    await mountSettings({ 'POST /api/v1/users/0190a000-0000-7000-8000-00000000a004/reactivate': apiError(409, 'IDENTITY.USER_ALREADY_ACTIVE') });
    button('Reactivate Remy Rep').click();
    await flushPromises();
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('Their old API tokens stay revoked.');
    document.querySelector<HTMLButtonElement>('[role="dialog"] button[data-confirm]')!.click();
    await flushPromises();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('That did not work. Reload the page and try again.');
  });

  it('is not shown to managers or reps', async () => {
    const { api } = await mountSettings({}, { me: maxMe });
    expect(document.querySelector('#settings-users')).toBeNull();
    expect(api.calls.some((call) => call.path === '/api/v1/users')).toBe(false);
    expect(document.querySelector('#settings-api-tokens')?.textContent).toBe('API tokens');
  });

  it('speaks Dutch', async () => {
    await mountSettings({}, { locale: 'nl' });
    expect(document.querySelector('#settings-users')?.textContent).toBe('Gebruikers');
    expect(cells(row('data-user', 'rep2@example.com'))[5]).toBe('Gedeactiveerd');
    expect(button('Rita Rep deactiveren')).toBeTruthy();
    expect(document.querySelector('#settings-api-tokens')?.textContent).toBe('API-tokens');
  });
});

describe('Settings → API tokens', () => {
  it('lists name, dates and last use, never a secret', async () => {
    await mountSettings({}, { me: maxMe });
    expect(cells(row('data-token', 'CI export')).slice(0, 4)).toEqual(['CI export qa_t_AbCd…', '1 Nov 2026', '30 Jan 2027', 'Never']);
  });

  it('creates a token with the chosen expiry and shows its secret once, until Done', async () => {
    const created = { ...ciToken, id: '0190a000-0000-7000-8000-0000000bb002', name: 'Nightly sync', prefix: 'qa_t_XyZ1', token: 'qa_t_XyZ1-the-whole-secret' };
    const { api } = await mountSettings({ 'POST /api/v1/me/api-tokens': { status: 201, body: created } }, { me: maxMe });
    const name = document.querySelector<HTMLInputElement>('#api-token-name')!;
    expect(document.querySelector('label[for="api-token-name"]')?.textContent).toBe('Token name');

    button('Create token').closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(document.getElementById('api-token-name-error')?.textContent).toBe('Give the token a name.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    name.value = 'Nightly sync';
    name.dispatchEvent(new Event('input'));
    button('Create token').closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Nightly sync', expiresInDays: 90 });
    expect(document.querySelector('[data-secret]')?.textContent).toBe('qa_t_XyZ1-the-whole-secret');
    expect(document.body.textContent).toContain('it is shown only this once');
    expect(row('data-token', 'Nightly sync')).not.toBeNull();

    button('Done').click();
    await flushPromises();
    expect(document.body.textContent).not.toContain('qa_t_XyZ1-the-whole-secret');
  });

  it('revokes a token after confirmation', async () => {
    const { api } = await mountSettings({ [`DELETE /api/v1/me/api-tokens/${ciToken.id}`]: { status: 204 } }, { me: maxMe });
    button('Revoke CI export').click();
    await flushPromises();
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('Scripts using this token stop working at once.');
    expect(api.calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);
    document.querySelector<HTMLButtonElement>('[role="dialog"] button[data-confirm]')!.click();
    await flushPromises();
    expect(api.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([`/api/v1/me/api-tokens/${ciToken.id}`]);
    expect(row('data-token', 'CI export')).toBeNull();
    expect(document.body.textContent).toContain('You have no API tokens.');
  });
});
