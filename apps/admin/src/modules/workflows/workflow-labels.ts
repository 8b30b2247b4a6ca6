// Names shown for what workflows are made of: quote statuses, trigger events and the action
// catalogue. The catalogue comes from the API in English (its `label`, `description`, param
// `label` and `help`); Dutch for the built-in actions' texts is kept here, and anything unknown
// (an extension's action, a changed text) is shown as the API describes it.
import { useI18n } from 'vue-i18n';
import type { MessageSchema } from '../../i18n/en';
import { isQuoteStatus, statusLabelKey } from '../quotes/quote-status';
import type { ActionDescription, ActionParam, TriggerForm } from './workflow-form';

type EventKey = keyof MessageSchema['workflows']['events'];
const EVENT_KEYS: Record<string, `workflows.events.${EventKey}`> = {
  'quotes.quote.created.v1': 'workflows.events.created',
  'quotes.quote.updated.v1': 'workflows.events.updated',
  'quotes.quote.submitted.v1': 'workflows.events.submitted',
  'quotes.quote.approved.v1': 'workflows.events.approved',
  'quotes.quote.changes-requested.v1': 'workflows.events.changesRequested',
  'quotes.quote.published.v1': 'workflows.events.published',
  'quotes.quote.recalled.v1': 'workflows.events.recalled',
  'quotes.quote.withdrawn.v1': 'workflows.events.withdrawn',
  'quotes.quote.signed.v1': 'workflows.events.signed',
  'quotes.quote.expired.v1': 'workflows.events.expired',
  'approvals.request.opened.v1': 'workflows.events.approvalOpened',
  'approvals.request.step-started.v1': 'workflows.events.approvalStepStarted',
  'approvals.request.approved.v1': 'workflows.events.approvalApproved',
  'approvals.request.changes-requested.v1': 'workflows.events.approvalChangesRequested',
  'workflows.property.changed.v1': 'workflows.events.propertyChanged',
};

/**
 * Dutch for the built-in actions' texts (libs/workflows/application/src/actions/*.action.ts, and the
 * discount-flag extension), keyed by the API's English text: when the API changes a text, the new
 * English one is shown until it is translated here.
 */
const CATALOGUE_NL: Record<string, string> = {
  'Create task': 'Taak aanmaken',
  'Creates a task tied to the record.': 'Maakt een taak aan die aan het record is gekoppeld.',
  Assignee: 'Toegewezen aan',
  'owner, approver, approvers (one task each), or a user id': 'owner (de eigenaar), approver (de goedkeurder), approvers (elke goedkeurder een taak) of een gebruikers-id',
  'owner, approver, or a user id': 'owner (de eigenaar), approver (de goedkeurder) of een gebruikers-id',
  Title: 'Titel',
  Notes: 'Notities',
  'Due in days': 'Deadline over (dagen)',
  Priority: 'Prioriteit',
  'Task key': 'Taaksleutel',
  'Names the task so a later "Complete tasks" action can close it': 'Geeft de taak een naam, zodat een latere actie "Taken afronden" haar kan sluiten',
  'Complete tasks': 'Taken afronden',
  'Completes the open tasks a "Create task" action with this task key made for the record.':
    'Rondt de open taken af die een actie "Taak aanmaken" met deze taaksleutel voor het record maakte.',
  'Set property value': 'Eigenschapswaarde instellen',
  'Sets a property of the record (kept with its history).': 'Stelt een eigenschap van het record in (met geschiedenis).',
  Property: 'Eigenschap',
  Value: 'Waarde',
  'Text; an empty value clears the property': 'Tekst; een lege waarde wist de eigenschap',
  'Send notification': 'Melding sturen',
  'Notifies a user in the app (and by e-mail when configured).': 'Stuurt een gebruiker een melding in de app (en per e-mail als dat is ingesteld).',
  Recipient: 'Ontvanger',
  Message: 'Bericht',
  'Update deal stage': 'Dealfase bijwerken',
  "Moves the record's deal to a pipeline stage.": 'Zet de deal van het record in een fase van de pijplijn.',
  Stage: 'Fase',
  'Send webhook': 'Webhook versturen',
  'POSTs the record and event as JSON, signed with HMAC-SHA256 (header X-QA-Signature: sha256=<hex>) with a secret the server generates and shows once; retried on failure. Reaches public addresses only (unless WEBHOOK_ALLOWED_NETWORKS allows a network); redirects are not followed.':
    'Verstuurt het record en de gebeurtenis als JSON met POST, ondertekend met HMAC-SHA256 (header X-QA-Signature: sha256=<hex>) met een geheim dat de server maakt en één keer toont; bij fouten opnieuw geprobeerd. Bereikt alleen openbare adressen (tenzij WEBHOOK_ALLOWED_NETWORKS een netwerk toestaat); doorverwijzingen worden niet gevolgd.',
  URL: 'URL',
  'Signing secret': 'Ondertekeningsgeheim',
  'Timeout (ms)': 'Time-out (ms)',
  Wait: 'Wachten',
  'Waits before the next action (a delayed job; survives restarts).': 'Wacht voor de volgende actie (een uitgestelde taak; overleeft herstarts).',
  Minutes: 'Minuten',
  Seconds: 'Seconden',
  'Flag high discount': 'Hoge korting markeren',
  "Sets discount_flag to high when the quote's effective discount is above the threshold, otherwise normal.":
    'Zet discount_flag op high als de effectieve korting van de offerte boven de drempel ligt, anders op normal.',
  'Threshold (%)': 'Drempel (%)',
};

/** Where the app names the select options it knows: task priorities and deal stages. */
const OPTION_KEY_PREFIXES = ['tasks.priority.', 'approvalSettings.dealStages.'] as const;

export function useWorkflowLabels() {
  const { t, te, locale } = useI18n();
  /** The API's English text of the catalogue, in Dutch when known. */
  const catalogueText = (text: string): string => (locale.value === 'nl' ? (CATALOGUE_NL[text] ?? text) : text);

  function statusLabel(status: string | undefined): string {
    return status && isQuoteStatus(status) ? t(statusLabelKey(status)) : (status ?? '');
  }

  function eventLabel(name: string | undefined): string {
    const key = name ? EVENT_KEYS[name] : undefined;
    return key ? t(key) : (name ?? '');
  }

  function triggerSummary(trigger: Pick<TriggerForm, 'type'> & { status?: string; property?: string; value?: unknown; eventName?: string }): string {
    switch (trigger.type) {
      case 'status_becomes':
        return t('workflows.triggerSummary.status', { status: statusLabel(trigger.status) });
      case 'property_changes': {
        const value = trigger.value === undefined || trigger.value === null || trigger.value === '' ? null : String(trigger.value);
        return value === null
          ? t('workflows.triggerSummary.property', { property: trigger.property ?? '' })
          : t('workflows.triggerSummary.propertyValue', { property: trigger.property ?? '', value });
      }
      case 'event':
        return t('workflows.triggerSummary.event', { event: eventLabel(trigger.eventName) });
    }
  }

  function actionLabel(key: string, catalogue: readonly ActionDescription[]): string {
    const label = catalogue.find((entry) => entry.key === key)?.label;
    return label ? catalogueText(label) : t('workflows.editor.unknownAction', { key });
  }

  function actionDescription(action: ActionDescription): string {
    return catalogueText(action.description);
  }

  function paramLabel(param: ActionParam): string {
    return catalogueText(param.label);
  }

  function paramHelp(param: ActionParam): string | undefined {
    return param.help ? catalogueText(param.help) : undefined;
  }

  /** A select option's name when the app knows it (a priority, a deal stage); others are shown as they are. */
  function optionLabel(option: string): string {
    const key = OPTION_KEY_PREFIXES.map((prefix) => `${prefix}${option}`).find((candidate) => te(candidate));
    return key ? t(key) : option;
  }

  return { statusLabel, eventLabel, triggerSummary, actionLabel, actionDescription, paramLabel, paramHelp, optionLabel };
}
