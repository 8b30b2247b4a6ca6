// English messages: the source of truth for keys. Labels follow docs/product.md#glossary.
import { quotesEn } from './quotes.en';
import { tasksEn } from './tasks.en';
import { auditEn } from './audit.en';
import { analyticsEn } from './analytics.en';
import { workflowsEn } from './workflows.en';
import { approvalsEn } from './approvals.en';
import { delegationEn } from './delegation.en';
import { approvalLinkEn } from './approval-link.en';
import { notificationSettingsEn } from './notification-settings.en';
import { identityEn } from './identity.en';
import { crmEn } from './crm.en';
import { versionsEn } from './versions.en';
import { dryRunEn } from './dry-run.en';
const en = {
  app: {
    name: 'Quote approvals',
    skipToContent: 'Skip to main content',
    pageTitle: '{page} · Quote approvals',
  },
  language: {
    label: 'Language',
    en: 'English',
    nl: 'Nederlands',
  },
  nav: {
    main: 'Main',
    sales: 'Sales',
    quotes: 'Quotes',
    tasks: 'Tasks',
    workflows: 'Workflows',
    analytics: 'Analytics',
    settings: 'Settings',
    queues: 'Queues',
    menu: 'Menu',
  },
  live: {
    paused: 'Live updates paused',
  },
  userMenu: {
    signedInAs: 'Signed in as',
    notificationSettings: 'Notification settings',
    logOut: 'Log out',
  },
  roles: {
    rep: 'Sales rep',
    manager: 'Sales manager',
    admin: 'Admin',
  },
  login: {
    title: 'Log in',
    intro: 'Review and approve sales quotes before they reach a prospect.',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
    errors: {
      invalidCredentials: 'Wrong e-mail or password',
      tooManyAttempts: 'Too many attempts, try again later',
      generic: 'Something went wrong. Please try again.',
    },
  },
  ...quotesEn,
  ...tasksEn,
  ...auditEn,
  ...analyticsEn,
  ...workflowsEn,
  ...approvalsEn,
  ...delegationEn,
  ...approvalLinkEn,
  ...notificationSettingsEn,
  ...identityEn,
  ...crmEn,
  ...versionsEn,
  ...dryRunEn,
  settings: {
    title: 'Settings',
    empty: 'No settings to show yet.',
    adminsManage: 'Admins manage quote approval settings here.',
    readOnly: 'Only admins can change these settings.',
    governance: 'Governance',
  },
  notFound: {
    title: 'Page not found',
    message: 'The page you are looking for does not exist.',
    back: 'Go to quotes',
  },
};

export type MessageSchema = typeof en;
export default en;
