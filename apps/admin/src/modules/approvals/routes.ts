import type { RouteRecordRaw } from 'vue-router';

export const approvalsRoutes: RouteRecordRaw[] = [
  {
    // Settings → Products & Quotes → Approvals: the approval policy editor (next to Quotes).
    path: 'settings/approvals',
    name: 'settings-approvals',
    component: () => import('./approval-settings-page.vue'),
    meta: { titleKey: 'approvalSettings.pageTitle' },
  },
  {
    // The stable "approval link" of a quote.
    path: 'quotes/:id/approval',
    name: 'quote-approval',
    component: () => import('./approval-page.vue'),
    meta: { titleKey: 'approval.title' },
  },
];
