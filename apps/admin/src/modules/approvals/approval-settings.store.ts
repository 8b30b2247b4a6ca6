// Settings → Products & Quotes → Approvals: the policy being edited, what the editor offers (the
// approver candidates and their teams, the condition fields with their operators), saving (one PUT
// for the switch, the Approver, the ordered rules, the currencies and the business hours), trying the policy as edited on a quote, the
// problems of both (kept at their controls, by the controls' ids) and the approval workflows
// the worker installs after a save (polled briefly until they are there, enabled or switched off).
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { fieldProblemsOf, type ApiFailure } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import { usePeopleStore } from '../people/people.store';
import {
  getApprovalSettings,
  listApprovalWorkflows,
  listApproverCandidates,
  listConditionFields,
  saveApprovalSettings,
  tryApprovalPolicy,
  type ApprovalPreview,
  type ApprovalSettings,
  type ApproverCandidate,
  type ConditionField,
  type Workflow,
} from './approvals-api';
import { businessHoursForm, checkForm, controlOf, controlPlaces, moveTo, newRule, toForm, toRequest, type SettingsForm } from './approval-settings-form';
import { problemOfReason, type FieldError } from './policy-problems';

export type { FieldError } from './policy-problems';
export type LoadState = 'idle' | 'loading' | 'ready' | 'forbidden' | 'failed';
/** idle: nothing saved yet; waiting: polling after a save; ready: the set is as saved; late: gave up waiting. */
export type WorkflowsState = 'idle' | 'waiting' | 'ready' | 'late';
export type SaveOutcome = 'saved' | 'invalid' | 'stale' | 'failed';
/** What trying the policy on a quote gave: the route, problems with the policy, no such quote, or no answer. */
export type TryOutcome = { kind: 'route'; preview: ApprovalPreview } | { kind: 'invalid' } | { kind: 'notFound' } | { kind: 'failed' };

const POLL_INTERVAL_MS = 500;
const POLL_TIMEOUT_MS = 15_000;
/** Problems the page has no control for are kept under their API path. */
const PATH_PREFIX = 'path:';

/** The order the product names them in (docs/product.md#walkthrough, step 2). */
const WORKFLOW_ORDER = [
  'When quotes need approval',
  'When changes are requested on a quote',
  'When quotes are approved',
  'When a quote is withdrawn from approval',
  'When an approval step starts',
  'When an approver is out of office',
  'When an approval step is reassigned',
  'When approvers are reminded',
  'When an approval step is escalated',
];

function sortWorkflows(items: Workflow[]): Workflow[] {
  const rank = (workflow: Workflow) => {
    const index = WORKFLOW_ORDER.indexOf(workflow.name);
    return index === -1 ? WORKFLOW_ORDER.length : index;
  };
  return [...items].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

function emptyForm(): SettingsForm {
  return { requireApproval: false, defaultApproverId: null, rules: [], baseCurrency: 'EUR', rates: [], businessHours: businessHoursForm(undefined) };
}

export const useApprovalSettingsStore = defineStore('approval-settings', () => {
  const state = ref<LoadState>('idle');
  const settings = ref<ApprovalSettings | null>(null);
  const form = ref<SettingsForm>(emptyForm());
  const candidates = ref<ApproverCandidate[]>([]);
  const conditionFields = ref<ConditionField[]>([]);
  const saving = ref(false);
  /** Why this save: kept with the policy version it writes (optional, cleared after a save). */
  const changeNote = ref('');
  /** Problems by control id (or `path:<API field>` when the page has no control for it). */
  const errors = ref<Record<string, FieldError>>({});
  const outcome = ref<SaveOutcome | null>(null);
  /** Goes up each time the error summary should take focus (a save or a try that found problems). */
  const summaryFocus = ref(0);
  const workflows = ref<Workflow[]>([]);
  const workflowsState = ref<WorkflowsState>('idle');
  /** Whether the last save left approvals on (all quotes or a rule): the workflows are then enabled. */
  const approvalsActive = ref(false);
  const polls = latestRequest();
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  /** The teams of the managers and admins (a team's approvers are its active managers and admins). */
  const teams = computed(() => [...new Set(candidates.value.flatMap((user) => (user.team?.trim() ? [user.team.trim()] : [])))].sort((a, b) => a.localeCompare(b)));

  /** Every control on the page by id, with its place in the policy. */
  const places = computed(() => controlPlaces(form.value));

  /** The problems still shown: those of controls still on the page, and those the page has no control for. */
  const shownErrors = computed(() => Object.entries(errors.value).filter(([key]) => key.startsWith(PATH_PREFIX) || places.value.has(key)));

  function stopPolling(): void {
    polls.invalidate();
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    pollTimer = undefined;
  }

  async function load(): Promise<void> {
    stopPolling();
    state.value = 'loading';
    outcome.value = null;
    errors.value = {};
    workflowsState.value = 'idle';
    const [loaded, people, existing, fields] = await Promise.all([getApprovalSettings(), listApproverCandidates(), listApprovalWorkflows(), listConditionFields()]);
    if (!loaded.ok) {
      state.value = loaded.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    // Without the fields and their operators no condition can be edited.
    if (!fields.ok) {
      state.value = fields.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    settings.value = loaded.data;
    form.value = toForm(loaded.data);
    conditionFields.value = fields.data;
    candidates.value = people.ok ? people.data.items : [];
    usePeopleStore().remember(candidates.value);
    workflows.value = existing.ok ? sortWorkflows(existing.data) : [];
    approvalsActive.value = loaded.data.requireApproval || loaded.data.rules.length > 0;
    state.value = 'ready';
  }

  /** After a save: asks for the workflows until all five are there and on (or off), for a while. */
  function pollWorkflows(active: boolean): Promise<void> {
    stopPolling();
    const isCurrent = polls.start();
    const deadline = Date.now() + POLL_TIMEOUT_MS;
    workflowsState.value = 'waiting';
    return new Promise((resolve) => {
      const tick = async () => {
        pollTimer = undefined;
        const result = await listApprovalWorkflows();
        if (!isCurrent()) return resolve();
        if (result.ok) {
          workflows.value = sortWorkflows(result.data);
          const settled = active ? result.data.length >= WORKFLOW_ORDER.length && result.data.every((w) => w.enabled) : result.data.every((w) => !w.enabled);
          if (settled) {
            workflowsState.value = 'ready';
            return resolve();
          }
        }
        if (Date.now() >= deadline) {
          workflowsState.value = 'late';
          return resolve();
        }
        pollTimer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
      };
      void tick();
    });
  }

  /** Puts problems named by API field path at their controls (the first per control) and asks for the summary's focus. */
  function showProblems(problems: ReadonlyArray<{ path: string; error: FieldError }>): void {
    const next: Record<string, FieldError> = {};
    for (const { path, error } of problems) {
      const aboutRate = 'problem' in error && (error.problem === 'rateRequired' || error.problem === 'rateFormat');
      const key = controlOf(path, form.value, aboutRate) ?? `${PATH_PREFIX}${path}`;
      if (!next[key]) next[key] = error;
    }
    errors.value = next;
    summaryFocus.value += 1;
  }

  /** The page's own checks: true when there is nothing to say. */
  function checked(): boolean {
    const problems = Object.entries(checkForm(form.value));
    if (problems.length === 0) {
      errors.value = {};
      return true;
    }
    showProblems(problems.map(([path, problem]) => ({ path, error: { problem } })));
    return false;
  }

  /** The API's field problems (a 400 or 422 with `fields`), at their controls; false when it named none. */
  function apiProblems(failure: ApiFailure): boolean {
    const fields = fieldProblemsOf(failure);
    if (fields.length === 0) return false;
    showProblems(fields.map(({ field, reason }) => ({ path: field, error: problemOfReason(field, reason) })));
    return true;
  }

  async function save(): Promise<SaveOutcome> {
    if (saving.value) return outcome.value ?? 'failed';
    outcome.value = null;
    if (!checked()) {
      outcome.value = 'invalid';
      return 'invalid';
    }
    saving.value = true;
    const note = changeNote.value.trim();
    const result = await saveApprovalSettings({ ...toRequest(form.value, settings.value?.version ?? 0), ...(note ? { changeNote: note } : {}) });
    saving.value = false;
    if (!result.ok) {
      if (result.status === 409) outcome.value = 'stale';
      else outcome.value = apiProblems(result) ? 'invalid' : 'failed';
      return outcome.value;
    }
    settings.value = result.data;
    form.value = toForm(result.data);
    approvalsActive.value = result.data.requireApproval || result.data.rules.length > 0;
    changeNote.value = '';
    outcome.value = 'saved';
    void pollWorkflows(approvalsActive.value);
    return 'saved';
  }

  /** An earlier version was restored (a new version): the editor shows it, as after a save. */
  function showRestored(saved: ApprovalSettings): void {
    settings.value = saved;
    form.value = toForm(saved);
    errors.value = {};
    outcome.value = null;
    approvalsActive.value = saved.requireApproval || saved.rules.length > 0;
    void pollWorkflows(approvalsActive.value);
  }

  /** The route `quoteId` would get under the policy as edited here (nothing is saved). */
  async function tryOn(quoteId: string): Promise<TryOutcome> {
    if (!checked()) return { kind: 'invalid' };
    const result = await tryApprovalPolicy({ ...toRequest(form.value, settings.value?.version ?? 0), quoteId });
    if (result.ok) return { kind: 'route', preview: result.data };
    if (apiProblems(result)) return { kind: 'invalid' };
    return { kind: result.status === 404 ? 'notFound' : 'failed' };
  }

  /** The policy as edited here, for a dry run; null (its problems shown) when the page's own checks find any. */
  function draftPolicy(): ReturnType<typeof toRequest> | null {
    return checked() ? toRequest(form.value, settings.value?.version ?? 0) : null;
  }

  function errorOf(controlId: string): FieldError | undefined {
    return errors.value[controlId];
  }

  /** Once every problem shown is gone, so is "Check the highlighted fields". */
  function clearError(controlId: string): void {
    if (!errors.value[controlId]) return;
    const next = { ...errors.value };
    delete next[controlId];
    errors.value = next;
    if (outcome.value === 'invalid' && shownErrors.value.length === 0) outcome.value = null;
  }

  function addRule(name = ''): void {
    form.value.rules.push(newRule(name));
  }

  function removeRule(index: number): void {
    form.value.rules.splice(index, 1);
    if (outcome.value === 'invalid' && shownErrors.value.length === 0) outcome.value = null;
  }

  function moveRule(from: number, to: number): boolean {
    return moveTo(form.value.rules, from, to);
  }

  return {
    state,
    settings,
    form,
    candidates,
    conditionFields,
    teams,
    places,
    saving,
    changeNote,
    errors,
    shownErrors,
    outcome,
    summaryFocus,
    workflows,
    workflowsState,
    approvalsActive,
    load,
    save,
    showRestored,
    tryOn,
    draftPolicy,
    showApiProblems: apiProblems,
    stopPolling,
    errorOf,
    clearError,
    addRule,
    removeRule,
    moveRule,
  };
});
