import type { RouteRecordRaw } from 'vue-router';

export const settingsRoutes: RouteRecordRaw[] = [
  {
    path: 'settings',
    name: 'settings',
    component: () => import('./settings-page.vue'),
    meta: { titleKey: 'nav.settings' },
  },
  {
    // Settings → Products & Quotes → Quotes (Approvals, next to it, is the approvals module's).
    path: 'settings/quotes',
    name: 'settings-quotes',
    component: () => import('./quote-settings-page.vue'),
    meta: { titleKey: 'quoteSettings.pageTitle' },
  },
];
