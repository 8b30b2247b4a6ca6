// Shared state of the set-up flow's steps: the form, the field errors, the CRM choices and the live
// approval preview, given by quote-setup-page.vue to its step components (provide/inject, so steps
// edit one form).
import { inject, type InjectionKey, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Contact, Deal } from './quote-api';
import type { FieldErrors, QuoteForm } from './quote-form';
import type { DraftRoutePreview } from './use-draft-route-preview';

export interface SetupContext {
  form: QuoteForm;
  errors: Ref<FieldErrors>;
  /** The deal chosen in the picker (the form keeps its id). */
  deal: Ref<Deal | null>;
  companyName: Ref<string | null>;
  /** Contacts offered as recipients: those of the deal's company, or all. */
  contacts: Ref<Contact[]>;
  /** The live approval preview of the unsaved form (followed while a step shows it). */
  routePreview: DraftRoutePreview;
  chooseDeal(deal: Deal | null): void;
  clearError(path: string): void;
}

export const SETUP_CONTEXT: InjectionKey<SetupContext> = Symbol('quote-setup');

export function useSetupContext(): SetupContext {
  const context = inject(SETUP_CONTEXT);
  if (!context) throw new Error('A set-up step must be used inside quote-setup-page.vue');
  return context;
}

/** The message of a field error, in the current language, and aria attributes for its input. */
export function useFieldErrors(context: SetupContext) {
  const { t } = useI18n();
  function errorText(path: string): string {
    const error = context.errors.value[path];
    if (!error) return '';
    return error.messageKey ? t(error.messageKey) : error.reason;
  }
  function errorId(path: string): string {
    return `error-${path.replace(/\./g, '-')}`;
  }
  /** aria-invalid and aria-describedby (error first, then any hint) for an input. */
  function describe(path: string, hintId?: string) {
    const invalid = !!context.errors.value[path];
    const ids = [invalid ? errorId(path) : '', hintId ?? ''].filter(Boolean).join(' ');
    return { 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
  }
  return { errorText, errorId, describe };
}
