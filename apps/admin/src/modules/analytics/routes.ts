import type { RouteRecordRaw } from 'vue-router';

export const analyticsRoutes: RouteRecordRaw[] = [
  {
    path: 'analytics',
    name: 'analytics',
    component: () => import('./analytics-page.vue'),
    meta: { titleKey: 'nav.analytics' },
  },
];
