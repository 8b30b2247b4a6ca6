import type { RouteRecordRaw } from 'vue-router';

export const workflowsRoutes: RouteRecordRaw[] = [
  {
    path: 'workflows',
    name: 'workflows',
    component: () => import('./workflows-page.vue'),
    meta: { titleKey: 'nav.workflows' },
  },
];
