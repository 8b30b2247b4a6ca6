import type { RouteRecordRaw } from 'vue-router';

export const sessionRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./login-page.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
];
