import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import App from '../../App.vue';
import { type FakeRoute } from '../../testing/fake-api';
import { FakeEventSource, liveEvent } from '../../testing/fake-event-source';
import { mountPage, PAGE_LOAD } from '../../testing/mount-page';
import { notification, rita } from '../../testing/work-fixtures';

function mountShell(routes: Record<string, FakeRoute>) {
  return mountPage(App, {
    path: '/tasks',
    routes: {
      'GET /api/v1/me': { status: 200, body: rita },
      'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } },
      'GET /api/v1/tasks': { status: 200, body: { items: [] } },
      ...routes,
    },
    waitFor: 'main h1',
  });
}

const bell = (w: VueWrapper) => w.get('#notifications-button');
const panel = () => document.getElementById('notifications-panel');

async function openBell(w: VueWrapper): Promise<HTMLElement> {
  await bell(w).trigger('click');
  await flushPromises();
  const element = panel();
  if (!element) throw new Error('the notifications panel did not open');
  return element;
}

describe('notifications bell', () => {
  it('is a button named "Notifications, 2 unread" that shows the unread count and opens a dialog', async () => {
    const { wrapper: w } = await mountShell({
      'GET /api/v1/notifications': { status: 200, body: { items: [notification(), notification({ id: 'n-2', title: 'Task due' })], unread: 2 } },
    });

    const button = bell(w);
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.attributes('aria-label')).toBe('Notifications, 2 unread');
    expect(button.attributes('aria-haspopup')).toBe('dialog');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(button.get('.bell-count').text()).toBe('2');

    const dialog = await openBell(w);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBe('notifications-heading');
    expect(document.getElementById('notifications-heading')?.textContent).toBe('Notifications');
    expect(button.attributes('aria-expanded')).toBe('true');
    const items = [...dialog.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    const first = items[0]?.querySelector('a');
    expect(first?.getAttribute('href')).toBe('/quotes/q-1');
    expect(first?.textContent).toContain('Unread:');
    expect(first?.textContent).toContain('Q-2026-0001 was approved');
    expect(first?.textContent).toContain('You can share it with your contacts now.');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-01T10:00:00.000Z');
    expect(first?.querySelector('time')?.textContent).toMatch(/1 Nov 2026/);
  });

  it('words a workflow notification from its message code, in English and in Dutch', async () => {
    const approved = notification({ title: 'approvals.quoteApproved', body: '', message: { code: 'approvals.quoteApproved', params: { number: 'Q-2026-0007', title: 'Website' } } });
    const items = async (locale: 'en' | 'nl') => {
      const { wrapper: w } = await mountPage(App, {
        path: '/tasks',
        locale,
        routes: {
          'GET /api/v1/me': { status: 200, body: rita },
          'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } },
          'GET /api/v1/tasks': { status: 200, body: { items: [] } },
          'GET /api/v1/notifications': { status: 200, body: { items: [approved, notification({ id: 'n-2', title: 'Typed by hand', body: '' })], unread: 2 } },
        },
        waitFor: 'main h1',
      });
      const dialog = await openBell(w);
      const texts = [...dialog.querySelectorAll('li')].map((li) => [li.querySelector('.bell-item-title')?.textContent?.replace(/^\s*(Unread|Ongelezen):\s*/, '').trim(), li.querySelector('.bell-item-body')?.textContent ?? null]);
      w.unmount();
      return texts;
    };

    expect(await items('en')).toEqual([
      ['Quote Q-2026-0007 was approved', '"Website" is approved and published: you can now share it with your contacts.'],
      ['Typed by hand', null],
    ]);
    expect(await items('nl')).toEqual([
      ['Offerte Q-2026-0007 is goedgekeurd', '"Website" is goedgekeurd en gepubliceerd: je kunt de offerte nu met je contactpersonen delen.'],
      ['Typed by hand', null],
    ]);
  });

  it('has the plain name "Notifications" and no count when everything is read', async () => {
    const { wrapper: w } = await mountShell({
      'GET /api/v1/notifications': { status: 200, body: { items: [notification({ readAt: '2026-11-01T11:00:00.000Z' })], unread: 0 } },
    });

    expect(bell(w).attributes('aria-label')).toBe('Notifications');
    expect(bell(w).find('.bell-count').exists()).toBe(false);
  });

  it('marks a notification read when it is opened and goes to its record', async () => {
    const { wrapper: w, api, router } = await mountShell({
      'GET /api/v1/notifications': { status: 200, body: { items: [notification(), notification({ id: 'n-2', title: 'Task due' })], unread: 2 } },
      'POST /api/v1/notifications/n-1/read': { status: 200, body: notification({ readAt: '2026-11-02T09:00:00.000Z' }) },
      'GET /api/v1/quotes/q-1': { status: 404, body: { statusCode: 404, code: 'QUOTES.NOT_FOUND', message: 'No quote', details: {} } },
    });
    const dialog = await openBell(w);

    (dialog.querySelector('li a') as HTMLAnchorElement).click();
    await flushPromises();

    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toContain('POST /api/v1/notifications/n-1/read');
    expect(bell(w).attributes('aria-label')).toBe('Notifications, 1 unread');
    expect(bell(w).get('.bell-count').text()).toBe('1');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/quotes/q-1'), PAGE_LOAD);
  });

  it('marks all as read with POST /api/v1/notifications/read-all', async () => {
    const { wrapper: w, api } = await mountShell({
      'GET /api/v1/notifications': { status: 200, body: { items: [notification(), notification({ id: 'n-2', title: 'Task due' })], unread: 2 } },
      'POST /api/v1/notifications/read-all': { status: 200, body: { marked: 2 } },
    });
    const dialog = await openBell(w);
    const markAll = [...dialog.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Mark all as read') as HTMLButtonElement;
    expect(markAll.disabled).toBe(false);

    markAll.click();
    await flushPromises();

    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toContain('POST /api/v1/notifications/read-all');
    expect(bell(w).attributes('aria-label')).toBe('Notifications');
    expect(dialog.querySelectorAll('li.unread')).toHaveLength(0);
    expect(dialog.querySelector('[role="status"]')?.textContent).toBe('All notifications marked as read.');
    expect(markAll.disabled).toBe(true);
  });

  it('shows a new notification and the new count without a reload when the live event arrives', async () => {
    let body = { items: [notification({ readAt: '2026-11-01T11:00:00.000Z' })], unread: 0 };
    const { wrapper: w } = await mountShell({ 'GET /api/v1/notifications': () => ({ status: 200, body }) });
    const source = FakeEventSource.latest;
    source?.open();
    expect(bell(w).attributes('aria-label')).toBe('Notifications');

    body = { items: [notification({ id: 'n-3', title: 'Q-2026-0002 is live' }), ...body.items], unread: 1 };
    source?.emit('notifications.notification.created.v1', liveEvent('notifications.notification.created.v1', { payload: { recipientUserId: 'u-rita' } }));

    await vi.waitFor(() => expect(bell(w).attributes('aria-label')).toBe('Notifications, 1 unread'));
    const dialog = await openBell(w);
    expect(dialog.querySelector('li')?.textContent).toContain('Q-2026-0002 is live');
  });

  it('speaks Dutch: "Meldingen, 2 ongelezen" and "Alles als gelezen markeren"', async () => {
    const { wrapper: w } = await mountPage(App, {
      path: '/quotes',
      locale: 'nl',
      routes: {
        'GET /api/v1/me': { status: 200, body: rita },
        'GET /api/v1/notifications': { status: 200, body: { items: [notification(), notification({ id: 'n-2' })], unread: 2 } },
      },
    });
    await vi.waitFor(() => expect(bell(w).attributes('aria-label')).toBe('Meldingen, 2 ongelezen'));

    const dialog = await openBell(w);
    expect(dialog.textContent).toContain('Alles als gelezen markeren');
    expect(dialog.querySelector('time')?.textContent).toMatch(/1 nov 2026/);
  });

  it('closes with Escape and gives focus back to the bell', async () => {
    const { wrapper: w } = await mountShell({ 'GET /api/v1/notifications': { status: 200, body: { items: [notification()], unread: 1 } } });
    const dialog = await openBell(w);
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    dialog.querySelector('.p-popover-content')?.dispatchEvent(new KeyboardEvent('keydown', { code: 'Escape', key: 'Escape', bubbles: true }));
    await flushPromises();

    await vi.waitFor(() => expect(panel()).toBeNull());
    expect(document.activeElement?.id).toBe('notifications-button');
    expect(bell(w).attributes('aria-expanded')).toBe('false');
  });

  describe('the notifications of an approval step’s changes', () => {
    const coded = (id: string, code: string, params: Record<string, string>) => notification({ id, title: code, body: '', message: { code, params }, link: '/quotes/q-1/approval' });
    const about = { number: 'Q-2026-0042', title: 'Website redesign', step: '1', steps: '2' };
    const items = [
      coded('n-1', 'approvals.stepAssigned', about),
      coded('n-2', 'approvals.stepEscalated', about),
      coded('n-3', 'approvals.stepDelegated', { ...about, from: 'Max Manager' }),
      coded('n-4', 'approvals.stepAssignedOnBehalf', { ...about, from: 'Max Manager' }),
      coded('n-5', 'approvals.stepReassignedToYou', { ...about, from: 'Max Manager', by: 'Ada Admin', note: 'Max is away' }),
      coded('n-6', 'approvals.stepReassignedAway', { ...about, to: 'Mia Manager', by: 'Ada Admin', note: 'Max is away' }),
      coded('n-7', 'approvals.changesRequested', { number: 'Q-2026-0042', title: 'Website redesign', by: 'Max Manager', note: 'Lower the discount' }),
    ];
    const texts = async (locale: 'en' | 'nl') => {
      const { wrapper: w } = await mountPage(App, {
        path: '/tasks',
        locale,
        routes: {
          'GET /api/v1/me': { status: 200, body: rita },
          'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } },
          'GET /api/v1/tasks': { status: 200, body: { items: [] } },
          'GET /api/v1/notifications': { status: 200, body: { items, unread: items.length } },
        },
        waitFor: 'main h1',
      });
      const dialog = await openBell(w);
      return [...dialog.querySelectorAll('li')].map((li) => [
        li.querySelector('.bell-item-title')?.textContent?.replace(/\s+/g, ' ').trim().replace(/^(Unread|Ongelezen): /, ''),
        li.querySelector('.bell-item-body')?.textContent,
      ]);
    };

    it('are worded in English from their codes, with who, the step and the note', async () => {
      expect(await texts('en')).toEqual([
        ['Quote Q-2026-0042 waits for your approval', '"Website redesign" waits for your decision (step 1 of 2).'],
        ['Quote Q-2026-0042 was escalated to you', '"Website redesign" waited too long for a decision at step 1 of 2: you can decide beside its approvers.'],
        ['You stand in for Max Manager on quote Q-2026-0042', 'Max Manager is out of office: you decide on "Website redesign" (step 1 of 2) in their place.'],
        ['Quote Q-2026-0042 waits for your approval on behalf of Max Manager', 'Max Manager is out of office: you decide on "Website redesign" (step 1 of 2) in their place.'],
        ['Quote Q-2026-0042 was handed to you for approval', 'Ada Admin handed Max Manager’s place at step 1 of 2 of "Website redesign" to you. Note: Max is away'],
        ['Your approval of quote Q-2026-0042 was handed to Mia Manager', 'Ada Admin handed your place at step 1 of 2 of "Website redesign" to Mia Manager. Note: Max is away'],
        ['Changes requested on quote Q-2026-0042', 'Max Manager requested changes to "Website redesign": Lower the discount'],
      ]);
    });

    it('are worded in Dutch', async () => {
      const dutch = await texts('nl');
      expect(dutch).toHaveLength(7);
      expect(dutch[0]).toEqual(['Offerte Q-2026-0042 wacht op je goedkeuring', '"Website redesign" wacht op je beslissing (stap 1 van 2).']);
      expect(dutch[5]).toEqual(['Je goedkeuring van offerte Q-2026-0042 is overgedragen aan Mia Manager', 'Ada Admin heeft je plaats bij stap 1 van 2 van "Website redesign" overgedragen aan Mia Manager. Notitie: Max is away']);
      expect(dutch[6]).toEqual(['Wijzigingen gevraagd op offerte Q-2026-0042', 'Max Manager vraagt om wijzigingen in "Website redesign": Lower the discount']);
    });
  });
});
