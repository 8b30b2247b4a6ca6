import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import SettingsPage from './settings-page.vue';

const adaUser = { id: 'u-ada', email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const, active: true, team: 'Management', reportsTo: null };
const max = { id: '0190a000-0000-7000-8000-00000000a002', email: 'manager@example.com', name: 'Max Manager', role: 'manager' as const, active: true, team: 'Sales', reportsTo: adaUser.id };
const rita = { id: '0190a000-0000-7000-8000-00000000a003', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' as const, active: true, team: null, reportsTo: null };
const remy = { id: '0190a000-0000-7000-8000-00000000a004', email: 'rep2@example.com', name: 'Remy Rep', role: 'rep' as const, active: false, team: 'Sales', reportsTo: max.id };
const patchMax = `PATCH /api/v1/users/${max.id}`;
const patchRita = `PATCH /api/v1/users/${rita.id}`;

function mountUsers(routes: Record<string, FakeRoute> = {}, locale?: 'en' | 'nl') {
  return mountPage(SettingsPage, {
    path: '/settings',
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: ada },
      'GET /api/v1/users': { status: 200, body: { items: [adaUser, max, rita, remy] } },
      'GET /api/v1/me/api-tokens': { status: 200, body: { items: [] } },
      ...routes,
    },
  });
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const byLabel = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const cells = (email: string) =>
  [...(document.querySelector(`tr[data-user="${email}"]`)?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
const teamInput = () => document.querySelector<HTMLInputElement>('#user-edit-team')!;

async function openEdit(name: string, label = `Edit ${name}`): Promise<HTMLButtonElement> {
  const button = byLabel(label)!;
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

async function options(comboboxId: string): Promise<string[]> {
  (document.getElementById(comboboxId)!.closest('.p-select') as HTMLElement).click();
  await flushPromises();
  const labels = [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent?.trim() ?? '');
  document.getElementById(comboboxId)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
  await flushPromises();
  return labels;
}

async function save(): Promise<void> {
  document.querySelector<HTMLFormElement>('#user-edit-form')!.dispatchEvent(new Event('submit'));
  await flushPromises();
}

describe('Settings → Users: team, manager and role (admins)', () => {
  it('edits team and manager in a labelled dialog, sends only what changed, shows the new row and gives focus back', async () => {
    const { api } = await mountUsers({ [patchRita]: ({ body }) => ({ status: 200, body: { ...rita, ...(body as object) } }) });
    expect(cells('rep@example.com').slice(3, 5)).toEqual(['—No team', '—Nobody']);
    const editButton = await openEdit('Rita Rep');

    expect(dialog()?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)?.textContent).toBe('Edit Rita Rep');
    expect(document.querySelector('label[for="user-edit-team"]')?.textContent).toBe('Team');
    expect(document.getElementById('user-edit-reportsTo')?.getAttribute('aria-labelledby')).toBe('user-edit-reportsTo-label');
    expect(document.getElementById('user-edit-reportsTo-label')?.textContent).toBe('Reports to');
    expect(document.getElementById('user-edit-role-label')?.textContent).toBe('Role');
    // Everyone but Rita herself, after "Nobody"; a deactivated user is marked.
    expect(await options('user-edit-reportsTo')).toEqual(['Nobody', 'Ada Admin', 'Max Manager', 'Remy Rep (deactivated)']);

    teamInput().value = '  Key accounts ';
    teamInput().dispatchEvent(new Event('input'));
    await pick('user-edit-reportsTo', 'Max Manager');
    await save();

    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([{ method: 'PATCH', path: `/api/v1/users/${rita.id}`, body: { team: 'Key accounts', reportsTo: max.id } }]);
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(cells('rep@example.com').slice(3, 5)).toEqual(['Key accounts', 'Max Manager']);
    expect(document.querySelector('#settings-users ~ [role="status"]')?.textContent).toBe('Rita Rep is saved.');
    await vi.waitFor(() => expect(document.activeElement).toBe(editButton));
  });

  it('changes another user’s role, clears a team and a manager, and sends nothing when nothing changed', async () => {
    const { api } = await mountUsers({ [patchMax]: ({ body }) => ({ status: 200, body: { ...max, ...(body as object) } }) });
    await openEdit('Max Manager');
    await save();
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);

    await openEdit('Max Manager');
    expect(teamInput().value).toBe('Sales');
    teamInput().value = ' ';
    teamInput().dispatchEvent(new Event('input'));
    await pick('user-edit-reportsTo', 'Nobody');
    await pick('user-edit-role', 'Admin');
    await save();
    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([{ team: null, reportsTo: null, role: 'admin' }]);
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(cells('manager@example.com').slice(2, 5)).toEqual(['Admin', '—No team', '—Nobody']);
  });

  it('lets admins edit their own team, but not their own role', async () => {
    await mountUsers();
    await openEdit('Ada Admin');
    const role = document.getElementById('user-edit-role')!;
    expect(role.closest('.p-select')?.classList.contains('p-disabled')).toBe(true);
    expect(document.getElementById(role.getAttribute('aria-describedby')!)?.textContent).toBe('You cannot change your own role.');
  });

  it('shows a refused loop at the manager field, with the people in it, and keeps the dialog open', async () => {
    const loop = {
      statusCode: 422,
      code: 'IDENTITY.INVALID_REPORTS_TO',
      message: 'reportsTo: would make a loop',
      details: { fields: [{ field: 'reportsTo', reason: 'would make a loop: Max Manager → Remy Rep → Max Manager' }], problem: 'loop', path: [max.id, remy.id, max.id] },
    };
    const { api } = await mountUsers({ [patchMax]: { status: 422, body: loop } });
    await openEdit('Max Manager');
    await pick('user-edit-reportsTo', 'Remy Rep (deactivated)');
    await save();

    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([{ reportsTo: remy.id }]);
    const error = document.getElementById('user-edit-reportsTo-error');
    expect(error?.textContent).toBe('That would make a loop: Max Manager → Remy Rep → Max Manager.');
    const combobox = document.getElementById('user-edit-reportsTo')!;
    expect(combobox.getAttribute('aria-describedby')).toBe('user-edit-reportsTo-error');
    await vi.waitFor(() => expect(document.activeElement).toBe(combobox));
    expect(dialog()).not.toBeNull();
    expect(cells('manager@example.com').slice(3, 5)).toEqual(['Sales', 'Ada Admin']);
  });

  it('shows the API’s other field problems at their fields: team, self, unknown manager, own role', async () => {
    const problem = (code: string, field: string, extra: Record<string, unknown> = {}) => ({
      status: code === 'VALIDATION_FAILED' ? 400 : 422,
      body: { statusCode: 422, code, message: code, details: { fields: [{ field, reason: 'server words' }], ...extra } },
    });
    const replies = [
      problem('VALIDATION_FAILED', 'team'),
      problem('IDENTITY.INVALID_REPORTS_TO', 'reportsTo', { problem: 'self' }),
      problem('IDENTITY.INVALID_REPORTS_TO', 'reportsTo', { problem: 'unknown-user' }),
      { status: 422, body: { statusCode: 422, code: 'IDENTITY.CANNOT_CHANGE_SELF', message: 'no', details: { id: rita.id, action: 'change-role' } } },
      { status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'no', details: {} } },
    ];
    await mountUsers({ [patchRita]: () => replies.shift()! });
    await openEdit('Rita Rep');
    teamInput().value = 'Sales';
    teamInput().dispatchEvent(new Event('input'));

    await save();
    expect(document.getElementById('user-edit-team-error')?.textContent).toBe('A team name is at most 60 characters.');
    expect(teamInput().getAttribute('aria-invalid')).toBe('true');
    await save();
    expect(document.getElementById('user-edit-team-error')).toBeNull();
    expect(document.getElementById('user-edit-reportsTo-error')?.textContent).toBe('Nobody can report to themselves.');
    await save();
    expect(document.getElementById('user-edit-reportsTo-error')?.textContent).toBe('That user does not exist (any more). Choose someone else.');
    await save();
    expect(document.getElementById('user-edit-role-error')?.textContent).toBe('You cannot change your own role.');
    await save();
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe('That did not work. Reload the page and try again.');
  });

  it('closes on Cancel without a request, giving focus back to the Edit button', async () => {
    const { api } = await mountUsers();
    const editButton = await openEdit('Remy Rep');
    teamInput().value = 'Other';
    teamInput().dispatchEvent(new Event('input'));
    byLabel('Cancel')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
    await vi.waitFor(() => expect(document.activeElement).toBe(editButton));
    expect(cells('rep2@example.com')[3]).toBe('Sales');
  });

  it('speaks Dutch', async () => {
    await mountUsers({}, 'nl');
    expect([...document.querySelectorAll('#settings-users ~ [role="region"] table thead th')].map((th) => th.textContent?.trim()).slice(3, 5)).toEqual(['Team', 'Rapporteert aan']);
    expect(cells('rep2@example.com')[4]).toBe('Max Manager');
    await openEdit('Rita Rep', 'Rita Rep bewerken');
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)?.textContent).toBe('Rita Rep bewerken');
    expect(await options('user-edit-reportsTo')).toEqual(['Niemand', 'Ada Admin', 'Max Manager', 'Remy Rep (gedeactiveerd)']);
    expect(byLabel('Opslaan')).toBeTruthy();
  });
});
