import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage, PAGE_LOAD } from '../../testing/mount-page';
import { rita } from '../../testing/work-fixtures';
import NotificationSettingsPage from './notification-settings-page.vue';

const URL = '/api/v1/notifications/preferences';
const KINDS = ['assigned', 'reminded', 'escalated', 'delegated', 'reassigned', 'decided'] as const;

function preferences(off: Partial<Record<(typeof KINDS)[number], { inApp?: boolean; email?: boolean }>> = {}): ApiSchemas['NotificationPreferencesResponse'] {
  return { preferences: KINDS.map((kind) => ({ kind, inApp: off[kind]?.inApp ?? true, email: off[kind]?.email ?? true })), updatedAt: null };
}

function mountSettings(routes: Record<string, FakeRoute> = {}, locale: 'en' | 'nl' = 'en') {
  return mountPage(NotificationSettingsPage, {
    path: '/settings/notifications',
    locale,
    routes: { 'GET /api/v1/me': { status: 200, body: rita }, [`GET ${URL}`]: { status: 200, body: preferences({ reminded: { email: false } }) }, ...routes },
    waitFor: 'table',
  });
}

const cells = (row: Element) => [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
const box = (kind: string, channel: 'inApp' | 'email') => document.getElementById(`notify-${kind}-${channel}`) as HTMLInputElement;

describe('Notification settings page', () => {
  it('shows a table of kinds × channels with headers, a caption and a named checkbox each, as the API has them', async () => {
    const { router } = await mountSettings();

    expect(router.currentRoute.value.meta.titleKey).toBe('notificationSettings.title');
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Notification settings');
    const table = document.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Notifications about approval steps, by kind and channel');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent?.trim(), th.getAttribute('scope')])).toEqual([
      ['What happens', 'col'],
      ['In the app', 'col'],
      ['By e-mail', 'col'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => [row.querySelector('th')?.getAttribute('scope'), row.querySelector('.kind-label')?.textContent])).toEqual([
      ['row', 'A step waits for me'],
      ['row', 'Reminders'],
      ['row', 'Escalated to me'],
      ['row', 'Standing in'],
      ['row', 'Reassigned'],
      ['row', 'Decisions on my quotes'],
    ]);
    expect(KINDS.map((kind) => [box(kind, 'inApp').checked, box(kind, 'email').checked])).toEqual([
      [true, true],
      [true, false],
      [true, true],
      [true, true],
      [true, true],
      [true, true],
    ]);
    const email = box('reminded', 'email');
    expect(email.type).toBe('checkbox');
    expect(document.querySelector(`label[for="${email.id}"]`)?.textContent?.trim()).toBe('Reminders: By e-mail');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('A step still waits for your decision.');
    expect(cells(rows[0]!)[0]).toContain('A quote’s approval step starts and you are one of its approvers.');
  });

  it('saves every kind’s two channels with Save and says so; what the API answers is shown', async () => {
    const saved = preferences({ reminded: { email: false }, decided: { inApp: false } });
    const { api, wrapper: w } = await mountSettings({ [`PUT ${URL}`]: { status: 200, body: { ...saved, updatedAt: '2026-12-04T09:00:00.000Z' } } });

    box('decided', 'inApp').click();
    await flushPromises();
    expect(box('decided', 'inApp').checked).toBe(false);
    await w.get('form').trigger('submit');
    await flushPromises();

    const put = api.calls.filter((call) => call.method === 'PUT');
    expect(put).toEqual([{ method: 'PUT', path: URL, body: { preferences: saved.preferences } }]);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Your notification settings are saved.');
    expect([box('decided', 'inApp').checked, box('reminded', 'email').checked, box('assigned', 'email').checked]).toEqual([false, false, true]);
  });

  it('says when saving failed, and keeps the choices', async () => {
    const { wrapper: w } = await mountSettings({ [`PUT ${URL}`]: apiError(500, 'INTERNAL') });
    box('assigned', 'email').click();
    await flushPromises();
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(document.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Your notification settings could not be saved. Try again.');
    expect(box('assigned', 'email').checked).toBe(false);
  });

  it('says when they cannot be loaded, and loads them again on Try again', async () => {
    let answers = 0;
    const { wrapper: w } = await mountPage(NotificationSettingsPage, {
      path: '/settings/notifications',
      routes: { 'GET /api/v1/me': { status: 200, body: rita }, [`GET ${URL}`]: () => ((answers += 1) === 1 ? apiError(503, 'SERVICE_UNAVAILABLE') : { status: 200, body: preferences() }) },
    });
    await flushPromises();
    expect(w.get('[role="alert"]').text()).toBe('Your notification settings could not be loaded.');
    expect(w.find('table').exists()).toBe(false);
    await w.get('.load-failed button').trigger('click');
    await flushPromises();
    expect(w.findAll('tbody tr')).toHaveLength(6);
  });

  it('speaks Dutch', async () => {
    await mountSettings({}, 'nl');
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Meldingsinstellingen');
    expect([...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual(['Wat er gebeurt', 'In de app', 'Per e-mail']);
    expect(document.querySelector('label[for="notify-decided-email"]')?.textContent?.trim()).toBe('Beslissingen over mijn offertes: Per e-mail');
    expect(document.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Opslaan');
  });

  it('is reachable from the user menu', async () => {
    const { wrapper: w, router } = await mountPage(App, {
      path: '/tasks',
      routes: {
        'GET /api/v1/me': { status: 200, body: rita },
        'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } },
        'GET /api/v1/tasks': { status: 200, body: { items: [] } },
        'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } },
        [`GET ${URL}`]: { status: 200, body: preferences() },
      },
      waitFor: 'main h1',
    });
    await w.get('#user-menu-button').trigger('click');
    await flushPromises();
    const item = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((element) => element.textContent?.trim() === 'Notification settings');
    item?.querySelector<HTMLElement>('[data-pc-section="itemcontent"]')?.click();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('settings-notifications'), PAGE_LOAD);
    await vi.waitFor(() => expect(w.find('main table').exists()).toBe(true), PAGE_LOAD);
  });
});
