import type { RouteRecordRaw } from 'vue-router';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'settings/audit',
    name: 'settings-audit',
    component: () => import('./audit-log-page.vue'),
    meta: { titleKey: 'audit.title' },
  },
];
