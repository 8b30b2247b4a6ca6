import type { RouteRecordRaw } from 'vue-router';

export const quotesRoutes: RouteRecordRaw[] = [
  {
    path: 'quotes',
    name: 'quotes',
    component: () => import('./quotes-page.vue'),
    meta: { titleKey: 'nav.quotes' },
  },
  {
    path: 'quotes/new',
    name: 'quote-new',
    component: () => import('./quote-setup-page.vue'),
    meta: { titleKey: 'quotes.newTitle' },
  },
  {
    path: 'quotes/:id/edit',
    name: 'quote-edit',
    component: () => import('./quote-setup-page.vue'),
    meta: { titleKey: 'quotes.editTitle' },
  },
  {
    path: 'quotes/:id',
    name: 'quote-detail',
    component: () => import('./quote-detail-page.vue'),
    meta: { titleKey: 'quotes.detailTitle' },
  },
];
