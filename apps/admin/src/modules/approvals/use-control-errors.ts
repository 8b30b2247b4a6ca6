// The problems of the approval policy editor's controls, by control id: the words of a problem,
// the id of its message, the aria attributes of the control (aria-invalid, aria-describedby with
// its hint and its problem), and clearing it once the control changes.
import { useI18n } from 'vue-i18n';
import { useApprovalSettingsStore, type FieldError } from './approval-settings.store';

/** The words for a field problem: the page's own for a problem it knows, else the API's reason. */
export function useFieldErrorText(): (error: FieldError | undefined) => string {
  const { t } = useI18n();
  return (error) => {
    if (!error) return '';
    return 'problem' in error ? t(`approvalSettings.errors.${error.problem}`, error.params ?? {}) : error.reason;
  };
}

/** The id of the message of a control's problem. */
export const errorIdOf = (controlId: string) => `${controlId}-error`;

export function useControlErrors() {
  const store = useApprovalSettingsStore();
  const textOf = useFieldErrorText();

  const hasError = (controlId: string): boolean => !!store.errorOf(controlId);
  const errorText = (controlId: string): string => textOf(store.errorOf(controlId));
  const clearError = (controlId: string): void => store.clearError(controlId);

  /** aria attributes of a control that may have a problem (and hints). */
  function described(controlId: string, ...hintIds: Array<string | undefined>) {
    const ids = [...hintIds, hasError(controlId) ? errorIdOf(controlId) : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': hasError(controlId) ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
  }

  return { hasError, errorText, errorId: errorIdOf, described, clearError };
}
