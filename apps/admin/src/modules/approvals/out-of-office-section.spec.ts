import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, max, maxMe } from '../../testing/approvals';
import SettingsPage from '../settings/settings-page.vue';

const dana = { id: '0190a000-0000-7000-8000-00000000a004', name: 'Dana Delegate', role: 'manager' as const };
const CHOICES = [{ id: adaUser.id, name: adaUser.name, role: 'admin' as const }, dana, { id: max.id, name: max.name, role: 'manager' as const }];
const running = {
  id: '0190a000-0000-7000-8000-0000000dd001',
  approverId: max.id,
  delegateId: dana.id,
  startsAt: '2026-12-01T08:00:00.000Z',
  endsAt: '2026-12-05T17:00:00.000Z',
  note: null,
  createdBy: max.id,
  createdAt: '2026-11-30T10:00:00.000Z',
  cancelledAt: null,
  state: 'active' as const,
};

function mountSettings(routes: Record<string, FakeRoute>, me: typeof ada = maxMe, locale: 'en' | 'nl' = 'en') {
  return mountPage(SettingsPage, {
    path: '/settings',
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/users': { status: 200, body: { items: [] } },
      'GET /api/v1/me/api-tokens': { status: 200, body: { items: [] } },
      'GET /api/v1/approvals/approvers': { status: 200, body: CHOICES },
      'GET /api/v1/approvals/delegations': { status: 200, body: { items: [] } },
      'GET /api/v1/users/names': { status: 200, body: { items: [] } },
      ...routes,
    },
  });
}

const section = () => document.querySelector<HTMLElement>('section[aria-labelledby="settings-out-of-office"]');
const button = (name: string) => [...(section()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const cells = (tr: Element | null | undefined) => [...(tr?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent?.trim());

async function pick(comboboxId: string, option: string): Promise<void> {
  (document.getElementById(comboboxId)!.closest('.p-select') as HTMLElement).click();
  const choice = await vi.waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option);
    if (!found) throw new Error(`no option "${option}"`);
    return found;
  });
  choice.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await flushPromises();
  await vi.waitFor(() => expect(document.querySelector('[role="listbox"]')).toBeNull());
}

function type(id: string, value: string): void {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function save(): Promise<void> {
  section()!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await flushPromises();
  await flushPromises();
}

describe('Settings → Out of office', () => {
  it('lets a manager name a delegate until a moment; the delegate list offers everyone who may approve but them', async () => {
    const { api } = await mountSettings({
      'POST /api/v1/approvals/delegations': ({ body }) => ({ status: 201, body: { ...running, ...(body as object), id: '0190a000-0000-7000-8000-0000000dd002', state: 'active' } }),
    });
    await vi.waitFor(() => expect(section()).not.toBeNull());
    expect(section()!.querySelector('h2')?.textContent).toBe('Out of office');
    // Their own only: no approver to choose.
    expect(document.getElementById('ooo-approver')).toBeNull();
    expect(document.getElementById('ooo-delegate-label')?.textContent).toBe('Delegate');
    expect(document.querySelector('label[for="ooo-until"]')?.textContent).toBe('Until');

    // Nothing chosen: the fields say what is missing, nothing is sent.
    await save();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(document.getElementById('ooo-delegate-error')?.textContent).toBe('Choose a delegate.');
    expect(document.getElementById('ooo-until-error')?.textContent).toBe('Enter when it ends.');
    expect(document.getElementById('ooo-until')?.getAttribute('aria-invalid')).toBe('true');

    (document.getElementById('ooo-delegate')!.closest('.p-select') as HTMLElement).click();
    await vi.waitFor(() => expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent?.trim())).toEqual(['Ada Admin', 'Dana Delegate']));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await pick('ooo-delegate', 'Dana Delegate');
    type('ooo-until', '2026-12-05T17:00');
    type('ooo-note', ' Holiday ');
    await save();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ delegateId: dana.id, endsAt: new Date('2026-12-05T17:00').toISOString(), note: 'Holiday' }]);
    await vi.waitFor(() => expect(section()!.querySelector('[role="status"]')?.textContent).toMatch(/^Dana Delegate decides for Max Manager until /));
    expect(cells(section()!.querySelector('tbody tr')).slice(0, 2)).toEqual(['Max Manager', 'Dana Delegate']);
  });

  it('shows the API’s refusals at the fields: a loop at the delegate, an end in the past at Until', async () => {
    let answer = 0;
    await mountSettings({
      'POST /api/v1/approvals/delegations': () =>
        (answer += 1) === 1
          ? { status: 422, body: { statusCode: 422, code: 'APPROVALS.DELEGATION_LOOP', message: 'x', details: { chain: [], fields: [{ field: 'delegateId', reason: 'their delegations lead back' }] } } }
          : { status: 422, body: { statusCode: 422, code: 'APPROVALS.DELEGATION_INVALID', message: 'x', details: { fields: [{ field: 'endsAt', reason: 'must be in the future' }] } } },
    });
    await vi.waitFor(() => expect(section()).not.toBeNull());
    await pick('ooo-delegate', 'Dana Delegate');
    type('ooo-until', '2026-12-05T17:00');
    await save();
    expect(document.getElementById('ooo-delegate-error')?.textContent).toBe('The delegate (or their delegate) is out of office to this approver at the same time: choose someone else.');
    expect(document.activeElement?.id).toBe('ooo-delegate');
    await save();
    expect(document.getElementById('ooo-until-error')?.textContent).toBe('The end must be in the future.');
  });

  it('lets an admin set it for any approver, and lists and ends running delegations', async () => {
    const { api } = await mountSettings(
      {
        'GET /api/v1/approvals/delegations': { status: 200, body: { items: [running] } },
        [`DELETE /api/v1/approvals/delegations/${running.id}`]: { status: 200, body: { ...running, state: 'cancelled', cancelledAt: '2026-12-02T09:00:00.000Z' } },
        'POST /api/v1/approvals/delegations': ({ body }) => ({ status: 201, body: { ...running, ...(body as object), id: '0190a000-0000-7000-8000-0000000dd003', state: 'planned' } }),
      },
      ada,
    );
    await vi.waitFor(() => expect(section()?.querySelector('tbody tr')).not.toBeNull());
    expect(cells(section()!.querySelector('tbody tr')).slice(0, 5)).toEqual(['Max Manager', 'Dana Delegate', expect.any(String), expect.any(String), 'Running']);
    expect(document.getElementById('ooo-approver-label')?.textContent).toBe('Approver');
    await pick('ooo-approver', 'Max Manager');
    await pick('ooo-delegate', 'Ada Admin');
    type('ooo-from', '2026-12-10T08:00');
    type('ooo-until', '2026-12-11T08:00');
    await save();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { approverId: max.id, delegateId: adaUser.id, startsAt: new Date('2026-12-10T08:00').toISOString(), endsAt: new Date('2026-12-11T08:00').toISOString() },
    ]);

    button('End the delegation of Max Manager to Dana Delegate')!.click();
    await flushPromises();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([`/api/v1/approvals/delegations/${running.id}`]);
    expect(section()!.querySelector('[role="status"]')?.textContent).toBe('The delegation of Max Manager to Dana Delegate has ended.');
  });

  it('is in Dutch too', async () => {
    await mountSettings({}, maxMe, 'nl');
    await vi.waitFor(() => expect(section()).not.toBeNull());
    expect(section()!.querySelector('h2')?.textContent).toBe('Afwezigheid');
    expect(section()!.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Afwezigheid instellen');
  });

  it('is not there for reps', async () => {
    await mountSettings({}, { id: 'u-rita', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' });
    await flushPromises();
    expect(section()).toBeNull();
  });
});
