// Test-only: the one way a component spec mounts a page (or the whole shell, App.vue): Pinia, i18n,
// PrimeVue and a memory router at `path` (createTestApp), a fake API answering `routes`, and a fake
// EventSource for the live-events stream. Everything is undone when the test finishes: the page is
// unmounted, teleported overlays are removed, globals and timers are restored.
import type { Component } from 'vue';
import { onTestFinished, vi, expect } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { AppLocale } from '../i18n';
import { installFakeApi, type FakeRoute } from './fake-api';
import { FakeEventSource } from './fake-event-source';
import { createTestApp } from './mount-options';

/**
 * Options for `vi.waitFor` when a spec waits for a move to another page: pages are loaded lazily and
 * a page's first import in a test run is compiled on demand, which takes seconds on a busy machine.
 */
export const PAGE_LOAD = { timeout: 5_000 };

export type MountPageOptions = {
  /** The route to open before mounting, e.g. `/quotes/q-1`. */
  path: string;
  /** Fake API routes (`'GET /api/v1/me': { status: 200, body: me }`); unknown routes answer 404. */
  routes?: Record<string, FakeRoute>;
  locale?: AppLocale;
  props?: Record<string, unknown>;
  /** A selector to wait for after mounting (e.g. `'main h1'` for the shell: the page has loaded). */
  waitFor?: string;
};

export type MountedPage = ReturnType<typeof createTestApp> & { api: ReturnType<typeof installFakeApi>; wrapper: VueWrapper };

/** Mounts `component` at `options.path` against a fake API; cleans up by itself after the test. */
export async function mountPage(component: Component, options: MountPageOptions): Promise<MountedPage> {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
  const api = installFakeApi(options.routes ?? {});
  const app = createTestApp({ locale: options.locale });
  await app.router.push(options.path);
  await app.router.isReady();
  const wrapper = mount(component, { props: options.props, global: app.global, attachTo: document.body });
  onTestFinished(() => {
    if (!wrapper.vm.$.isUnmounted) wrapper.unmount();
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  await flushPromises();
  const selector = options.waitFor;
  if (selector) {
    await vi.waitFor(() => expect(wrapper.find(selector).exists()).toBe(true), PAGE_LOAD);
    await flushPromises();
  }
  return { ...app, api, wrapper };
}
