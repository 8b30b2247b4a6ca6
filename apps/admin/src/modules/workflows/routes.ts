import type { RouteRecordRaw } from 'vue-router';

export const workflowsRoutes: RouteRecordRaw[] = [
  {
    path: 'workflows',
    name: 'workflows',
    component: () => import('./workflows-page.vue'),
    meta: { titleKey: 'nav.workflows' },
  },
  {
    path: 'workflows/new',
    name: 'workflow-new',
    component: () => import('./workflow-detail-page.vue'),
    meta: { titleKey: 'workflows.newTitle' },
  },
  {
    path: 'workflows/:id',
    name: 'workflow-detail',
    component: () => import('./workflow-detail-page.vue'),
    meta: { titleKey: 'workflows.detailTitle' },
  },
];
