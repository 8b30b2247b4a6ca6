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
  {
    // Where an approval e-mail's Approve / Request changes links lead (?token=…): shows what the
    // link would decide and asks to confirm. Needs a session: not signed in, the login page first.
    path: 'approvals/confirm',
    name: 'approval-confirm',
    component: () => import('./approval-link-page.vue'),
    meta: { titleKey: 'approvalLink.title' },
  },
];
