// The state of the quote set-up flow (quote-setup-page.vue): the form, the saved quote, the field
// errors and the CRM choices, loading a draft and saving it. Leaving the first step creates the
// draft (POST); every later save is a PUT with the version read, skipped when nothing changed.
// The API's field problems are kept by input; `onFieldProblems` shows the step that has them.
// A quote approved with limits is edited here too: a save that would go beyond the limits waits
// (`limitsWarning`) until the user confirms it (`confirmBeyondLimits`), as it sends the quote back to Draft.
import { computed, provide, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiFailure } from '../../api/api-result';
import { fieldProblemsOf } from '../../api/api-result';
import { createQuote, findCompany, findDeal, getQuote, listContacts, updateQuote, type Contact, type Deal, type Quote } from './quote-api';
import { blankInputs, emptyForm, formFromQuote, inputElementId, mapFieldProblems, toDetailsRequest, toRoutePreviewRequest, type FieldErrors, type QuoteForm, type SetupStep } from './quote-form';
import { isEditable } from './quote-status';
import { brokenLimitsOf, editableWithinLimits, type BrokenLimit } from './approval-limits';
import { SETUP_CONTEXT } from './setup-context';
import { useDraftRoutePreview } from './use-draft-route-preview';

export type SetupPageState = 'loading' | 'ready' | 'not-found' | 'failed' | 'not-editable';

export function useQuoteSetup(options: { onFieldProblems(step: SetupStep, focusId: string | undefined): void }) {
  const { t, locale } = useI18n();

  const form = reactive<QuoteForm>(emptyForm());
  const quote = ref<Quote | null>(null);
  const errors = ref<FieldErrors>({});
  const deal = ref<Deal | null>(null);
  const companyName = ref<string | null>(null);
  const contacts = ref<Contact[]>([]);
  const state = ref<SetupPageState>('loading');
  const busy = ref(false);
  const alertText = ref('');
  const staleVersion = ref(false);
  /** A save held back: the change goes beyond the limits the quote was approved with (empty: none held back). */
  const limitsWarning = ref<BrokenLimit[]>([]);
  /** What the last save of a quote approved with limits did, for the status line ('' when nothing to say). */
  const limitsNotice = ref('');
  /** The user confirmed the next save even though it goes beyond the limits. */
  let beyondLimitsConfirmed = false;
  /** The body last saved, to skip a PUT when nothing changed. */
  let savedBody = '';

  /** Recipients as the buyer will see them (names of the chosen contacts). */
  const recipients = computed(() =>
    form.recipientContactIds
      .map((id) => contacts.value.find((contact) => contact.id === id))
      .filter((contact): contact is Contact => !!contact)
      .map(({ name, email }) => ({ name, email })),
  );

  function clearError(path: string): void {
    if (!errors.value[path]) return;
    const next = { ...errors.value };
    delete next[path];
    errors.value = next;
  }

  async function chooseDeal(next: Deal | null): Promise<void> {
    const previousCompany = form.companyId;
    deal.value = next;
    form.dealId = next?.id ?? null;
    form.companyId = next?.companyId ?? null;
    if (next) form.currency = next.currency;
    if (form.companyId === previousCompany && contacts.value.length) return;
    const companyId = form.companyId;
    const [company, offered] = await Promise.all([companyId ? findCompany(companyId) : Promise.resolve(null), listContacts(companyId)]);
    if (form.companyId !== companyId) return;
    companyName.value = company?.name ?? null;
    contacts.value = offered;
    // Recipients of another company do not belong on this quote.
    form.recipientContactIds = form.recipientContactIds.filter((id) => offered.some((contact) => contact.id === id));
  }

  // The live approval preview of the form as it is now (unsaved), for the steps' preview panel.
  const routePreview = useDraftRoutePreview(() => ({ body: toRoutePreviewRequest(form, locale.value, quote.value?.id ?? null), blank: blankInputs(form) }));

  provide(SETUP_CONTEXT, { form, errors, deal, companyName, contacts, routePreview, chooseDeal: (next) => void chooseDeal(next), clearError });

  function bodyKey(): string {
    return JSON.stringify(toDetailsRequest(form, locale.value));
  }

  /** True when the form differs from what was saved last. */
  function hasUnsavedChanges(): boolean {
    return bodyKey() !== savedBody;
  }

  /** Saved lines get ids from the API; the form sends them back so the lines are kept. */
  function adopt(saved: Quote): void {
    quote.value = saved;
    saved.lineItems.forEach((line, index) => {
      const formLine = form.lineItems[index];
      if (formLine) formLine.id = line.id;
    });
    companyName.value = saved.companyName ?? companyName.value;
    savedBody = bodyKey();
  }

  function resetForm(): void {
    Object.assign(form, emptyForm());
    quote.value = null;
    deal.value = null;
    companyName.value = null;
    errors.value = {};
    alertText.value = '';
    staleVersion.value = false;
    limitsWarning.value = [];
    limitsNotice.value = '';
    beyondLimitsConfirmed = false;
    savedBody = '';
  }

  /** Loads a draft; `ready` is called once the form shows it (before deal and contacts arrive). */
  async function load(id: string, ready: () => void): Promise<void> {
    state.value = 'loading';
    const result = await getQuote(id);
    if (!result.ok) {
      state.value = result.status === 404 ? 'not-found' : 'failed';
      return;
    }
    const loaded = result.data;
    quote.value = loaded;
    if (!isEditable(loaded.status) && !editableWithinLimits(loaded)) {
      state.value = 'not-editable';
      return;
    }
    Object.assign(form, formFromQuote(loaded));
    savedBody = bodyKey();
    companyName.value = loaded.companyName;
    ready();
    state.value = 'ready';
    const [found, offered] = await Promise.all([loaded.dealId ? findDeal(loaded.dealId, loaded.companyId) : Promise.resolve(null), listContacts(loaded.companyId)]);
    deal.value = found;
    contacts.value = offered;
  }

  async function startNew(): Promise<void> {
    resetForm();
    state.value = 'ready';
    contacts.value = await listContacts(null);
  }

  function showFailure(failure: ApiFailure): void {
    const problems = fieldProblemsOf(failure);
    if (problems.length) {
      const mapped = mapFieldProblems(problems, failure.error?.code);
      errors.value = mapped.errors;
      alertText.value = t('quoteSetup.fixErrors');
      if (mapped.step) options.onFieldProblems(mapped.step, mapped.firstPath ? inputElementId(mapped.firstPath) : undefined);
      return;
    }
    if (failure.error?.code === 'QUOTES.STALE_VERSION') {
      staleVersion.value = true;
      alertText.value = t('quoteSetup.staleVersion');
      return;
    }
    if (failure.error?.code === 'QUOTES.NOT_EDITABLE' && quote.value) {
      state.value = 'not-editable';
      return;
    }
    if (failure.error?.code === 'QUOTES.NO_APPROVER') {
      alertText.value = t('quoteSetup.noApprover');
      return;
    }
    alertText.value = failure.error?.message ?? t('quoteSetup.genericError');
  }

  /**
   * Creates the draft or saves it; false (with the problems shown) when the API refused.
   * `created` is called with a new draft before this answers (the page moves to its edit route).
   */
  async function save(created: (draft: Quote) => Promise<unknown>): Promise<boolean> {
    const body = toDetailsRequest(form, locale.value);
    if (quote.value && JSON.stringify(body) === savedBody) return true;
    busy.value = true;
    alertText.value = '';
    try {
      if (!quote.value) {
        const made = await createQuote(body);
        if (!made.ok) {
          showFailure(made);
          return false;
        }
        const fresh = await getQuote(made.data.id);
        if (!fresh.ok) {
          showFailure(fresh);
          return false;
        }
        adopt(fresh.data);
        await created(fresh.data);
        return true;
      }
      const limits = editableWithinLimits(quote.value) ? quote.value.approvalLimits : null;
      const broken = limits ? brokenLimitsOf(body, limits) : [];
      if (broken.length && !beyondLimitsConfirmed) {
        limitsWarning.value = broken;
        return false;
      }
      limitsWarning.value = [];
      beyondLimitsConfirmed = false;
      const saved = await updateQuote(quote.value.id, quote.value.version, body);
      if (!saved.ok) {
        showFailure(saved);
        return false;
      }
      adopt(saved.data);
      errors.value = {};
      const check = saved.data.approvalLimitsCheck?.code;
      limitsNotice.value = check ? t(check === 'changed-within-approved-limits' ? 'approvalLimits.changedWithin' : 'approvalLimits.exceeded') : '';
      return true;
    } finally {
      busy.value = false;
    }
  }

  /** The user confirmed the held-back save beyond the limits: the next save goes through. */
  function confirmBeyondLimits(): void {
    beyondLimitsConfirmed = true;
    limitsWarning.value = [];
  }

  /** The user keeps editing instead. */
  function cancelBeyondLimits(): void {
    limitsWarning.value = [];
  }

  /** Forgets a stale-version problem and the field errors before loading the draft again. */
  function clearProblems(): void {
    alertText.value = '';
    staleVersion.value = false;
    errors.value = {};
  }

  return {
    form,
    quote,
    state,
    busy,
    alertText,
    staleVersion,
    limitsWarning,
    limitsNotice,
    recipients,
    hasUnsavedChanges,
    load,
    startNew,
    save,
    showFailure,
    clearProblems,
    confirmBeyondLimits,
    cancelBeyondLimits,
  };
}
