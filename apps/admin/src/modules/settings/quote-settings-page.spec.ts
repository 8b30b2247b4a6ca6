import { describe, expect, it, vi } from 'vitest';
import { ada } from '../../testing/fake-api';
import { PAGE_LOAD, mountPage } from '../../testing/mount-page';
import QuoteSettingsPage from './quote-settings-page.vue';
import SettingsPage from './settings-page.vue';

describe('Settings → Products & Quotes', () => {
  it('links to Quotes and to Approvals, each with what it holds', async () => {
    await mountPage(SettingsPage, {
      path: '/settings',
      routes: { 'GET /api/v1/me': { status: 200, body: ada }, 'GET /api/v1/users': { status: 200, body: { items: [] } }, 'GET /api/v1/me/api-tokens': { status: 200, body: { items: [] } } },
    });

    const group = document.querySelector('[aria-labelledby="settings-products-quotes"]') as HTMLElement;
    expect(group.querySelector('h2')?.textContent).toBe('Products & Quotes');
    expect(
      [...group.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href'), document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent]),
    ).toEqual([
      ['Quotes', '/settings/quotes', 'Quote settings, and where to find the approval settings.'],
      ['Approvals', '/settings/approvals', 'Require approval on all quotes, the Approver, and the approval rules: which quotes need approval, from whom and in what order.'],
    ]);
  });

  it('the Quotes tab sits next to Approvals and points there', async () => {
    const { router } = await mountPage(QuoteSettingsPage, { path: '/settings/quotes', routes: { 'GET /api/v1/me': { status: 200, body: ada } } });

    expect(router.currentRoute.value.meta.titleKey).toBe('quoteSettings.pageTitle');
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Quotes');
    const tabs = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Products & Quotes"] a')];
    expect(tabs.map((tab) => [tab.textContent?.trim(), tab.getAttribute('aria-current')])).toEqual([
      ['Quotes', 'page'],
      ['Approvals', null],
    ]);
    const link = [...document.querySelectorAll<HTMLAnchorElement>('main a, section a')].find((anchor) => anchor.textContent === 'Open the approval settings');
    expect(link?.getAttribute('href')).toBe('/settings/approvals');
    link?.click();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('settings-approvals'), PAGE_LOAD);
    expect(router.currentRoute.value.meta.titleKey).toBe('approvalSettings.pageTitle');
  });
});
