import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../App.vue';
import { ada, noQuotes } from '../testing/fake-api';
import { FakeEventSource } from '../testing/fake-event-source';
import { mountPage, PAGE_LOAD } from '../testing/mount-page';
import { useLiveEventsStore } from '../live/live-events.store';

const rita: ApiSchemas['MeResponse'] = { id: 'u-rita', email: 'rep@example.com', name: 'Rita Rep', role: 'rep' };

function mountShell(path = '/quotes', me: ApiSchemas['MeResponse'] = ada) {
  return mountPage(App, {
    path,
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'POST /api/v1/auth/logout': { status: 204 },
      'GET /api/v1/quotes': noQuotes,
    },
    waitFor: 'h1',
  });
}

describe('app layout', () => {
  it('has header, main navigation and main landmarks and a skip link to the main content', async () => {
    const { wrapper: w } = await mountShell();

    expect(w.find('header').exists()).toBe(true);
    expect(w.get('nav').attributes('aria-label')).toBe('Main');
    expect(w.get('main').attributes('id')).toBe('main-content');
    const skip = w.get('a.skip-link');
    expect(skip.attributes('href')).toBe('#main-content');
    expect(skip.text()).toBe('Skip to main content');
  });

  it('shows a Sales group with Quotes, then Tasks, Workflows, (for managers and admins) Analytics, Settings and (for an admin) Queues in the main navigation', async () => {
    const { wrapper: w } = await mountShell();

    const group = w.get('nav [role="group"]');
    expect(w.get(`#${group.attributes('aria-labelledby')}`).text()).toBe('Sales');
    expect(group.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([['Quotes', '/quotes']]);
    expect(w.get('nav').findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Quotes', '/quotes'],
      ['Tasks', '/tasks'],
      ['Workflows', '/workflows'],
      ['Analytics', '/analytics'],
      ['Settings', '/settings'],
      ['Queues', '/admin/queues'],
    ]);
    expect(w.get('nav a[aria-current="page"]').text()).toBe('Quotes');
  });

  it('links an admin to the queue dashboard with a plain link that leaves the app', async () => {
    const { wrapper: w, router } = await mountShell();

    const queues = w.findAll('nav a').find((a) => a.text() === 'Queues');
    expect(queues?.attributes('href')).toBe('/admin/queues');
    // Not a RouterLink: the router is not involved, the browser loads the server page.
    const push = vi.spyOn(router, 'push');
    // (Stop happy-dom from following the link, after any handler on the link itself has run.)
    w.get('nav').element.addEventListener('click', (event) => event.preventDefault(), { once: true });
    await queues?.trigger('click');
    expect(push).not.toHaveBeenCalled();
  });

  it('shows no Analytics or Queues link to a sales rep', async () => {
    const { wrapper: w } = await mountShell('/quotes', rita);

    expect(w.get('nav').findAll('a').map((a) => a.text())).toEqual(['Quotes', 'Tasks', 'Workflows', 'Settings']);
    expect(w.find('nav a[href="/admin/queues"]').exists()).toBe(false);
  });

  it('opens the live-updates stream for the signed-in user and says "Live updates paused" in a status region only while it is down', async () => {
    const { wrapper: w } = await mountShell();
    const live = useLiveEventsStore();
    const source = FakeEventSource.latest;
    expect(source?.url).toBe('/api/v1/events/stream');

    const region = w.get('header [role="status"]');
    expect(live.status).toBe('connecting');
    expect(region.text()).toBe('');

    source?.open();
    await flushPromises();
    expect(live.status).toBe('open');
    expect(region.text()).toBe('');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    source?.fail({ willRetry: false });
    await nextTick();
    expect(live.status).toBe('closed');
    expect(w.get('header [role="status"]').text()).toBe('Live updates paused');

    // The store tries again by itself; once the new stream is open the notice goes away.
    vi.advanceTimersByTime(2_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.latest?.open();
    await nextTick();
    expect(live.status).toBe('open');
    expect(w.get('header [role="status"]').text()).toBe('');
  });

  it('shows the product name and the Quotes page with its empty state', async () => {
    const { wrapper: w } = await mountShell();

    expect(w.get('header').text()).toContain('Quote approvals');
    expect(w.get('main h1').text()).toBe('Quotes');
    expect(w.get('main').text()).toContain('No quotes yet.');
    expect(document.title).toBe('Quotes · Quote approvals');
  });

  it('names the user menu button after the user and opens a menu with the e-mail, role and Log out', async () => {
    const { wrapper: w } = await mountShell();

    const button = w.get('#user-menu-button');
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.text()).toContain('Ada Admin');
    expect(button.attributes('aria-haspopup')).toBe('menu');
    expect(button.attributes('aria-controls')).toBe('user-menu');
    expect(button.attributes('aria-expanded')).toBe('false');

    await button.trigger('click');
    await flushPromises();

    const menu = document.querySelector('[role="menu"]');
    expect(menu).not.toBeNull();
    expect(menu?.getAttribute('aria-labelledby')).toBe('user-menu-button');
    expect(document.getElementById('user-menu')?.textContent).toContain('admin@example.com');
    expect(document.getElementById('user-menu')?.textContent).toContain('Admin');
    expect([...document.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent?.trim())).toEqual(['Notification settings', 'Log out']);
    expect(button.attributes('aria-expanded')).toBe('true');
  });

  it('logs out through POST /api/v1/auth/logout and lands on /login when Log out is chosen', async () => {
    const { wrapper: w, router, api } = await mountShell();

    await w.get('#user-menu-button').trigger('click');
    await flushPromises();
    const logOut = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((item) => item.textContent?.trim() === 'Log out')?.querySelector<HTMLElement>('[data-pc-section="itemcontent"]');
    logOut?.click();

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'), PAGE_LOAD);
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toContain('POST /api/v1/auth/logout');
  });

  it('has a Menu button that shows and hides the main navigation (narrow screens), closes on Escape with focus back on it, and on a page change', async () => {
    const { wrapper: w, router } = await mountShell();

    const button = w.get('#main-nav-button');
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.attributes('aria-label')).toBe('Menu');
    expect(button.attributes('aria-controls')).toBe('main-nav');
    expect(button.attributes('aria-expanded')).toBe('false');
    const nav = w.get('nav#main-nav');
    expect(nav.classes()).not.toContain('app-sidebar-open');

    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(nav.classes()).toContain('app-sidebar-open');

    (nav.find('a').element as HTMLElement).focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await nextTick();
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(nav.classes()).not.toContain('app-sidebar-open');
    expect(document.activeElement?.id).toBe('main-nav-button');

    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    await router.push('/quotes?status=draft');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');
  });

  it('moves focus to the main content when the skip link is used', async () => {
    const { wrapper: w } = await mountShell();

    await w.get('a.skip-link').trigger('click');

    expect(document.activeElement?.id).toBe('main-content');
  });
});
