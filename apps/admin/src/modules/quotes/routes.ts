import type { RouteRecordRaw } from 'vue-router';

export const quotesRoutes: RouteRecordRaw[] = [
  {
    path: 'quotes',
    name: 'quotes',
    component: () => import('./quotes-page.vue'),
    meta: { titleKey: 'nav.quotes' },
  },
];
