import type { MessageSchema } from '../i18n/en';

type NavKey = keyof MessageSchema['nav'];
type PageTitleKey = `nav.${NavKey}` | 'login.title' | 'notFound.title' | 'quotes.newTitle' | 'quotes.editTitle' | 'quotes.detailTitle' | 'buyer.title' | 'workflows.newTitle' | 'workflows.detailTitle' | 'approvalSettings.pageTitle' | 'quoteSettings.pageTitle' | 'approval.title' | 'approvalLink.title' | 'audit.title' | 'companies.title' | 'notificationSettings.title';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page, the buyer's page of a shared quote). */
    public?: boolean;
    /** i18n key of the page name, used for the document title. */
    titleKey?: PageTitleKey;
  }
}

export {};
