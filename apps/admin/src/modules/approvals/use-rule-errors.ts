// The problems of one approval rule's fields in the settings store, named by their path within the
// rule (`name`, `conditions.0.value`): the problem, its words, the id of its message, the aria
// attributes of the field, and clearing it once the field changes.
import { useI18n } from 'vue-i18n';
import { useApprovalSettingsStore, type FieldError } from './approval-settings.store';

/** The words for a field problem: the page's own for a problem it knows, else the API's reason. */
export function useFieldErrorText(): (error: FieldError | undefined) => string {
  const { t } = useI18n();
  return (error) => {
    if (!error) return '';
    return 'problem' in error ? t(`approvalSettings.errors.${error.problem}`) : error.reason;
  };
}

/** `index`: the rule's place in the list; `base`: the prefix of its element ids (`rule-<key>`). */
export function useRuleErrors(index: () => number, base: () => string) {
  const store = useApprovalSettingsStore();
  const textOf = useFieldErrorText();

  const path = (field: string) => `rules.${index()}.${field}`;
  const errorOf = (field: string): FieldError | undefined => store.errors[path(field)];
  const errorText = (field: string) => textOf(errorOf(field));
  const errorId = (field: string) => `${base()}-${field.replace(/\./g, '-')}-error`;
  const clearError = (field: string) => store.clearError(path(field));

  /** aria attributes of a field that may have a problem (and a hint). */
  function described(field: string, hintId?: string) {
    const ids = [hintId, errorOf(field) ? errorId(field) : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': errorOf(field) ? true : undefined, 'aria-describedby': ids || undefined };
  }

  return { errorOf, errorText, errorId, described, clearError };
}
