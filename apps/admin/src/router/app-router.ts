import './route-meta';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import AppLayout from '../layout/app-layout.vue';
import { sessionRoutes } from '../modules/session/routes';
import { buyerRoutes } from '../modules/buyer/routes';
import { quotesRoutes } from '../modules/quotes/routes';
import { tasksRoutes } from '../modules/tasks/routes';
import { workflowsRoutes } from '../modules/workflows/routes';
import { settingsRoutes } from '../modules/settings/routes';
import { approvalsRoutes } from '../modules/approvals/routes';
import { auditRoutes } from '../modules/audit/routes';
import { analyticsRoutes } from '../modules/analytics/routes';
import { companiesRoutes } from '../modules/companies/routes';
import { notificationsRoutes } from '../modules/notifications/routes';
import { installAuthGuard } from './guards';

export const routes: RouteRecordRaw[] = [
  ...sessionRoutes,
  ...buyerRoutes,
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', redirect: { name: 'quotes' } },
      ...quotesRoutes,
      ...tasksRoutes,
      ...workflowsRoutes,
      ...settingsRoutes,
      ...approvalsRoutes,
      ...auditRoutes,
      ...analyticsRoutes,
      ...companiesRoutes,
      ...notificationsRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../modules/not-found/not-found-page.vue'),
        meta: { titleKey: 'notFound.title' },
      },
    ],
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installAuthGuard(router);
  return router;
}
