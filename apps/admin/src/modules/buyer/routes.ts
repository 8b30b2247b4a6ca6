import type { RouteRecordRaw } from 'vue-router';

/** The buyer's page of a shared quote: public, outside the app shell. */
export const buyerRoutes: RouteRecordRaw[] = [
  {
    path: '/q/:slug',
    name: 'shared-quote',
    component: () => import('./shared-quote-page.vue'),
    meta: { public: true, titleKey: 'buyer.title' },
  },
];
