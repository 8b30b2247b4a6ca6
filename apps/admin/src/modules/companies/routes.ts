import type { RouteRecordRaw } from 'vue-router';

export const companiesRoutes: RouteRecordRaw[] = [
  {
    // Settings → Customers → Companies (managers and admins; the API refuses reps).
    path: 'settings/companies',
    name: 'settings-companies',
    component: () => import('./companies-page.vue'),
    meta: { titleKey: 'companies.title' },
  },
];
