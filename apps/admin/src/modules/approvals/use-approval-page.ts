// The approval page's state: the round and the quote as the API answers them (asked again while the
// worker opens a round, on live events, and after a decision until the quote's status follows it),
// and the two decisions, Approve and publish and Request changes.
import { computed, nextTick, onScopeDispose, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { latestRequest } from '../../api/latest-request';
import { useLiveEventsStore } from '../../live/live-events.store';
import { useSessionStore } from '../session/session.store';
import { usePeopleStore } from '../people/people.store';
import { statusLabelKey } from '../quotes/quote-status';
import { blockedReasonKey, decisionErrorKey, type RoundApprover } from './approval-decision';
import { limitsRefusal, type LimitsErrors, type LimitsRequest } from './approval-limits-form';
import { useFormat } from '../../i18n/format';
import { brokenWords } from '../quotes/approval-limits';
import {
  approveQuote,
  getApprovalPage,
  getApprovalQuote,
  getQuoteProperties,
  requestQuoteChanges,
  type ApprovalPage,
  type ApprovalQuote,
  type ApprovalRound,
  type RecordProperty,
} from './approvals-api';

export type PageState = 'loading' | 'ready' | 'forbidden' | 'not-found' | 'preparing' | 'failed';
type Outcome = 'approved' | 'changes_requested' | null;

/** The approval events, subscribed by exact name (they are not in the prefix registry). */
const APPROVAL_EVENTS = [
  'approvals.request.opened.v1',
  'approvals.request.step-started.v1',
  'approvals.request.approved.v1',
  'approvals.request.changes-requested.v1',
  // Out of office, reassigned, reminded, escalated: the step's activity and who decides change.
  'approvals.request.delegated.v1',
  'approvals.request.reassigned.v1',
  'approvals.request.reminded.v1',
  'approvals.request.escalated.v1',
] as const;
/** A round opens a moment after the quote is submitted (the worker): ask again for a while. */
const PREPARING_RETRY_MS = 1_000;
const PREPARING_TRIES = 20;
/** After a decision the quote's status follows within a second or so; live events usually come first. */
const FOLLOW_UP_MS = 1_500;
const FOLLOW_UP_TRIES = 10;

export function useApprovalPage() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const live = useLiveEventsStore();
  const session = useSessionStore();
  const people = usePeopleStore();

  const state = ref<PageState>('loading');
  const approval = ref<ApprovalPage | null>(null);
  const quote = ref<ApprovalQuote | null>(null);
  const properties = ref<RecordProperty[]>([]);
  const outcome = ref<Outcome>(null);
  const outcomeRound = ref(0);
  const notice = ref('');
  const actionError = ref('');
  const deciding = ref<'approve' | 'request_changes' | null>(null);
  const dialogOpen = ref(false);
  const dialogError = ref('');
  /** Approve with limits: the API's problems with the limits, at their fields, and the bounds the quote already breaks. */
  const limitsErrors = ref<LimitsErrors>({});
  const limitsNotMet = ref('');
  const format = useFormat();

  const id = computed(() => (typeof route.params.id === 'string' ? route.params.id : ''));
  const current = computed<ApprovalRound | null>(() => approval.value?.current ?? null);

  function nameOf(userId: string | null | undefined): string {
    return people.nameOf(userId) ?? t('approval.unknownUser');
  }

  const ownerName = computed(() => (quote.value ? nameOf(quote.value.ownerId) : t('approval.unknownUser')));
  const approvers = computed<RoundApprover[]>(() =>
    (current.value?.approverIds ?? []).map((approverId) => {
      const known = approval.value?.approvers?.find((approver) => approver.id === approverId);
      return { id: approverId, name: known?.name || nameOf(approverId), active: known?.active ?? true };
    }),
  );

  /** Why the buttons are off, in words (only when the API says this caller cannot decide now). */
  const blockedReason = computed(() => {
    const round = current.value;
    if (!round || approval.value?.canDecide) return '';
    return t(blockedReasonKey(round, quote.value, session.me?.id ?? '', approvers.value));
  });

  const canDecide = computed(() => !!approval.value?.canDecide && deciding.value === null);

  const outcomeText = computed(() => {
    if (outcome.value === 'changes_requested') return t('approval.outcome.changesRequested', { owner: ownerName.value });
    if (outcome.value === 'approved') {
      const round = current.value;
      // A step before the last: the round goes on with the next step's approvers.
      if (round?.status === 'pending' && round.route.currentStep !== null && quote.value?.status === 'pending_approval') {
        const next = round.currentApproverIds.map((approverId) => approval.value?.approvers?.find((approver) => approver.id === approverId)?.name || nameOf(approverId)).join(', ');
        return t('approval.outcome.stepApproved', { step: round.route.currentStep - 1, count: round.route.steps.length, next });
      }
      return quote.value?.status === 'published' ? t('approval.outcome.published', { owner: ownerName.value }) : t('approval.outcome.approved', { round: outcomeRound.value });
    }
    return '';
  });

  const loads = latestRequest();
  let preparingTries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let followUps = 0;
  let followTimer: ReturnType<typeof setTimeout> | undefined;

  function clearTimers(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    if (followTimer !== undefined) clearTimeout(followTimer);
    retryTimer = undefined;
    followTimer = undefined;
  }

  async function loadProperties(quoteId: string): Promise<void> {
    const result = await getQuoteProperties(quoteId);
    if (result.ok && quoteId === id.value) properties.value = result.data;
  }

  /** `quiet`: a live refresh, which keeps the page as it is while loading. */
  async function load(options: { quiet?: boolean } = {}): Promise<void> {
    const wanted = id.value;
    if (!wanted) return;
    const isCurrent = loads.start();
    if (!options.quiet) state.value = 'loading';
    const [page, loadedQuote] = await Promise.all([getApprovalPage(wanted), getApprovalQuote(wanted)]);
    if (!isCurrent()) return;
    if (!page.ok) {
      if (page.status === 401) {
        await session.loadMe({ force: true });
        await router.replace({ name: 'login', query: { redirect: route.fullPath } });
        return;
      }
      if (page.status === 403) state.value = 'forbidden';
      else if (page.status === 404) {
        const pending = loadedQuote.ok && loadedQuote.data.status === 'pending_approval';
        if (pending && preparingTries < PREPARING_TRIES) {
          preparingTries += 1;
          state.value = 'preparing';
          retryTimer = setTimeout(() => void load({ quiet: true }), PREPARING_RETRY_MS);
        } else state.value = 'not-found';
      } else if (!options.quiet) state.value = 'failed';
      return;
    }
    const previousStatus = quote.value?.status;
    approval.value = page.data;
    if (loadedQuote.ok) quote.value = loadedQuote.data;
    state.value = 'ready';
    if (options.quiet && previousStatus && quote.value && previousStatus !== quote.value.status && !outcome.value) {
      notice.value = t('approval.statusChanged', { status: t(statusLabelKey(quote.value.status)) });
    }
    const round = page.data.current;
    // Submitted again, but the new round is not open yet (the worker opens it): look again shortly.
    if (quote.value?.status === 'pending_approval' && round.status !== 'pending' && preparingTries < PREPARING_TRIES) {
      preparingTries += 1;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void load({ quiet: true }), PREPARING_RETRY_MS);
    } else if (round.status === 'pending') preparingTries = 0;
    void people.ensure([
      quote.value?.ownerId,
      ...page.data.rounds.flatMap((r) => [...r.approverIds, ...r.decisions.flatMap((d) => [d.approverId, d.onBehalfOf]), ...r.activity.flatMap((a) => [a.from, a.to, a.by])]),
      ...page.data.outOfOffice.flatMap((o) => [o.approverId, o.standInId]),
    ]);
    void loadProperties(wanted).then(() => people.ensure(properties.value.filter((p) => p.name === 'approver').map((p) => (typeof p.value === 'string' ? p.value : null))));
    if (round.round !== outcomeRound.value && outcome.value) {
      // A new round opened since the decision (the quote was resubmitted): the old outcome is history.
      outcome.value = null;
    }
  }

  /** Until the quote's status follows the decision (Published, or Changes requested). */
  function followUp(): void {
    if (followTimer !== undefined) clearTimeout(followTimer);
    followUps = 0;
    const tick = async () => {
      followTimer = undefined;
      await load({ quiet: true });
      const status = quote.value?.status;
      // An approval of a step before the last settles at once: the round goes on, pending.
      const settled = outcome.value === 'approved' ? status === 'published' || current.value?.status === 'pending' : status === 'changes_requested';
      followUps += 1;
      if (!settled && followUps < FOLLOW_UP_TRIES && outcome.value) followTimer = setTimeout(() => void tick(), FOLLOW_UP_MS);
    };
    followTimer = setTimeout(() => void tick(), FOLLOW_UP_MS);
  }

  /** After a decision the API took: say so, show the new state, follow the quote and put focus on the heading. */
  async function decided(decision: Exclude<Outcome, null>, round: number): Promise<void> {
    outcome.value = decision;
    outcomeRound.value = round;
    await load({ quiet: true });
    followUp();
    await nextTick();
    document.getElementById('approval-heading')?.focus();
  }

  /** The round to decide, when the caller may decide it now; clears the previous messages. */
  function startDecision(kind: 'approve' | 'request_changes'): ApprovalRound | null {
    const round = current.value;
    if (!round || !canDecide.value) return null;
    deciding.value = kind;
    actionError.value = '';
    notice.value = '';
    return round;
  }

  /** Approve and publish; with `limits`: approve with limits. */
  async function approve(limits?: LimitsRequest): Promise<void> {
    const round = startDecision('approve');
    if (!round) return;
    limitsErrors.value = {};
    limitsNotMet.value = '';
    const result = await approveQuote(id.value, round.round, limits);
    deciding.value = null;
    const refusal = !result.ok && limits ? limitsRefusal(result, quote.value?.currency ?? 'EUR') : null;
    if (refusal) {
      limitsErrors.value = refusal.errors;
      const words = { t, money: format.money, percent: format.percent };
      if (refusal.broken.length) limitsNotMet.value = t('approvalLimits.errors.notMet', { broken: refusal.broken.map((b) => brokenWords(b, words)).join('; ') });
      return;
    }
    if (!result.ok) {
      actionError.value = t(decisionErrorKey(result.error?.code));
      if (result.status === 409 || result.status === 403) void load({ quiet: true });
      return;
    }
    await decided('approved', round.round);
  }

  async function requestChanges(notes: string): Promise<void> {
    const round = startDecision('request_changes');
    if (!round) return;
    dialogError.value = '';
    const result = await requestQuoteChanges(id.value, round.round, notes);
    deciding.value = null;
    if (!result.ok) {
      if (result.status === 400) {
        dialogError.value = t('approval.dialog.notesRequired');
        return;
      }
      dialogOpen.value = false;
      actionError.value = t(decisionErrorKey(result.error?.code));
      void load({ quiet: true });
      return;
    }
    dialogOpen.value = false;
    await decided('changes_requested', round.round);
  }

  function openDialog(): void {
    dialogError.value = '';
    dialogOpen.value = true;
  }

  function concernsThisQuote(event: { aggregateId: string; payload: Record<string, unknown> }): boolean {
    return event.aggregateId === id.value || event.payload['quoteId'] === id.value;
  }

  const stopQuotes = live.on('quotes.', (event) => {
    if (concernsThisQuote(event)) void load({ quiet: true });
  });
  const stopApprovals = live.on(APPROVAL_EVENTS, (event) => {
    if (concernsThisQuote(event)) void load({ quiet: true });
  });
  // The approval workflows set the quote's approval properties (e.g. the approver of the next step).
  const stopProperties = live.on(['workflows.property.changed.v1'], (event) => {
    if (id.value && event.payload['recordId'] === id.value) void loadProperties(id.value);
  });
  const stopReconnect = live.on('live.', () => void load({ quiet: true }));
  onScopeDispose(() => {
    stopQuotes();
    stopApprovals();
    stopProperties();
    stopReconnect();
    clearTimers();
  });

  watch(
    id,
    () => {
      clearTimers();
      approval.value = null;
      quote.value = null;
      properties.value = [];
      outcome.value = null;
      notice.value = '';
      actionError.value = '';
      preparingTries = 0;
      void load();
    },
    { immediate: true },
  );

  return {
    state,
    approval,
    quote,
    properties,
    current,
    approvers,
    ownerName,
    nameOf,
    blockedReason,
    canDecide,
    outcomeText,
    notice,
    actionError,
    deciding,
    dialogOpen,
    dialogError,
    limitsErrors,
    limitsNotMet,
    load,
    approve,
    requestChanges,
    openDialog,
  };
}
