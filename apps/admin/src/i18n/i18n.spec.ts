import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import App from '../App.vue';
import { ada, installFakeApi, noQuotes } from '../testing/fake-api';
import { createTestApp } from '../testing/mount-options';
import { LOCALE_STORAGE_KEY, createAppI18n, readStoredLocale } from '.';

let wrapper: VueWrapper | undefined;

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('i18n', () => {
  it('starts in English when nothing is stored', () => {
    const i18n = createAppI18n();

    expect(i18n.global.locale.value).toBe('en');
    expect(i18n.global.t('nav.quotes')).toBe('Quotes');
  });

  it('starts in the stored language and ignores an unknown stored value', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'nl');
    expect(createAppI18n().global.t('nav.quotes')).toBe('Offertes');

    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(readStoredLocale()).toBe('en');
  });

  it('has Dutch labels for the Queues link and the live-updates notice', () => {
    const { t } = createAppI18n('nl').global;

    expect(t('nav.queues')).toBe('Wachtrijen');
    expect(t('live.paused')).toBe('Live-updates gepauzeerd');
  });

  it('switches the shell to Dutch when Nederlands is chosen and persists only the locale', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada }, 'GET /api/v1/quotes': noQuotes });
    const app = createTestApp();
    await app.router.push('/quotes');
    wrapper = mount(App, { global: app.global, attachTo: document.body });
    await vi.waitFor(() => expect(wrapper?.find('main h1').exists()).toBe(true));
    expect(wrapper.get('main h1').text()).toBe('Quotes');

    const combobox = wrapper.get('[role="combobox"]');
    const label = document.getElementById(combobox.attributes('aria-labelledby') ?? '');
    expect(label?.textContent?.trim()).toBe('Language');
    await wrapper.get('.language-select').trigger('click');
    await flushPromises();
    const dutch = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((option) => option.textContent?.trim() === 'Nederlands');
    expect(dutch?.getAttribute('role')).toBe('option');
    // PrimeVue Select picks an option on mousedown (as a real click starts with one).
    dutch?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await flushPromises();

    expect(wrapper.get('main h1').text()).toBe('Offertes');
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Hoofdmenu');
    expect(wrapper.get('nav').findAll('a').map((a) => a.text())).toEqual(['Offertes', 'Taken', 'Workflows', 'Analyses', 'Instellingen', 'Wachtrijen']);
    expect(wrapper.get('main').text()).toContain('Nog geen offertes.');
    expect(document.documentElement.lang).toBe('nl');
    expect(document.title).toBe('Offertes · Quote approvals');
    expect(Object.keys(localStorage)).toEqual([LOCALE_STORAGE_KEY]);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('nl');
  });
});
