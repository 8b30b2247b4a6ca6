// Dutch messages. Typed against the English schema, so a missing key is a type error.
import type { MessageSchema } from './en';
import { quotesNl } from './quotes.nl';
import { tasksNl } from './tasks.nl';
import { auditNl } from './audit.nl';
import { analyticsNl } from './analytics.nl';
import { workflowsNl } from './workflows.nl';
import { approvalsNl } from './approvals.nl';
import { delegationNl } from './delegation.nl';
import { approvalLinkNl } from './approval-link.nl';
import { notificationSettingsNl } from './notification-settings.nl';
import { identityNl } from './identity.nl';
import { crmNl } from './crm.nl';
import { versionsNl } from './versions.nl';
import { dryRunNl } from './dry-run.nl';

const nl: MessageSchema = {
  app: {
    name: 'Quote approvals',
    skipToContent: 'Naar de hoofdinhoud',
    pageTitle: '{page} · Quote approvals',
  },
  language: {
    label: 'Taal',
    en: 'English',
    nl: 'Nederlands',
  },
  nav: {
    main: 'Hoofdmenu',
    sales: 'Verkoop',
    quotes: 'Offertes',
    tasks: 'Taken',
    workflows: 'Workflows',
    analytics: 'Analyses',
    settings: 'Instellingen',
    queues: 'Wachtrijen',
    menu: 'Menu',
  },
  live: {
    paused: 'Live-updates gepauzeerd',
  },
  userMenu: {
    signedInAs: 'Ingelogd als',
    notificationSettings: 'Meldingsinstellingen',
    logOut: 'Uitloggen',
  },
  roles: {
    rep: 'Verkoper',
    manager: 'Verkoopmanager',
    admin: 'Beheerder',
  },
  login: {
    title: 'Inloggen',
    intro: 'Beoordeel en keur offertes goed voordat ze een prospect bereiken.',
    email: 'E-mail',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    submitting: 'Bezig met inloggen…',
    emailRequired: 'Vul je e-mailadres in.',
    passwordRequired: 'Vul je wachtwoord in.',
    errors: {
      invalidCredentials: 'Onjuist e-mailadres of wachtwoord',
      tooManyAttempts: 'Te veel pogingen, probeer het later opnieuw',
      generic: 'Er ging iets mis. Probeer het opnieuw.',
    },
  },
  ...quotesNl,
  ...tasksNl,
  ...auditNl,
  ...analyticsNl,
  ...workflowsNl,
  ...approvalsNl,
  ...delegationNl,
  ...approvalLinkNl,
  ...notificationSettingsNl,
  ...identityNl,
  ...crmNl,
  ...versionsNl,
  ...dryRunNl,
  settings: {
    title: 'Instellingen',
    empty: 'Nog geen instellingen om te tonen.',
    adminsManage: 'Beheerders stellen hier de goedkeuring van offertes in.',
    readOnly: 'Alleen beheerders kunnen deze instellingen wijzigen.',
    governance: 'Toezicht',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    message: 'De pagina die je zoekt bestaat niet.',
    back: 'Naar offertes',
  },
};

export default nl;
