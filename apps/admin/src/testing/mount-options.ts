// Test-only: the plugins a component needs when mounted alone (Pinia, i18n, PrimeVue, a memory router).
import type { GlobalMountOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createMemoryHistory } from 'vue-router';
import { createAppI18n, type AppLocale } from '../i18n';
import { createAppRouter } from '../router';

export function createTestApp(options: { locale?: AppLocale } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(options.locale ?? 'en');
  const router = createAppRouter(createMemoryHistory());
  const global: GlobalMountOptions = {
    plugins: [pinia, i18n, [PrimeVue, { theme: 'none' }], router],
    // Real <Transition>: PrimeVue overlays announce show/hide from their transition hooks.
    stubs: { transition: false },
  };
  return { pinia, i18n, router, global };
}
