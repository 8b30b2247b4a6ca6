import type { RouteRecordRaw } from 'vue-router';

export const tasksRoutes: RouteRecordRaw[] = [
  {
    path: 'tasks',
    name: 'tasks',
    component: () => import('./tasks-page.vue'),
    meta: { titleKey: 'nav.tasks' },
  },
];
