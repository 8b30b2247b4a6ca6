// Settings → Quotes: the approval settings being edited, the approver candidates, saving (one PUT
// for the switch, the approver and the ordered rules) and the five approval workflows the worker
// installs after a save (polled briefly until they are there, enabled or switched off).
import { ref } from 'vue';
import { defineStore } from 'pinia';
import { fieldProblemsOf } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import { usePeopleStore } from '../people/people.store';
import {
  getApprovalSettings,
  listApprovalWorkflows,
  listApproverCandidates,
  saveApprovalSettings,
  type ApprovalSettings,
  type ApproverCandidate,
  type Workflow,
} from './approvals-api';
import { checkForm, formFieldOf, move, newCondition, newRule, toForm, toRequest, type FormProblem, type SettingsForm } from './approval-settings-form';

export type LoadState = 'idle' | 'loading' | 'ready' | 'forbidden' | 'failed';
/** idle: nothing saved yet; waiting: polling after a save; ready: the set is as saved; late: gave up waiting. */
export type WorkflowsState = 'idle' | 'waiting' | 'ready' | 'late';
export type SaveOutcome = 'saved' | 'invalid' | 'stale' | 'failed';

/** A field problem: one the page knows how to say, or the API's own reason. */
export type FieldError = { problem: FormProblem | 'approverNotAllowed' } | { reason: string };

const POLL_INTERVAL_MS = 500;
const POLL_TIMEOUT_MS = 15_000;

/** The order the product names them in (docs/product.md#walkthrough, step 2). */
const WORKFLOW_ORDER = [
  'When quotes need approval',
  'When changes are requested on a quote',
  'When quotes are approved',
  'When a quote is withdrawn from approval',
  'When an approval step starts',
];

function sortWorkflows(items: Workflow[]): Workflow[] {
  const rank = (workflow: Workflow) => {
    const index = WORKFLOW_ORDER.indexOf(workflow.name);
    return index === -1 ? WORKFLOW_ORDER.length : index;
  };
  return [...items].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

function emptyForm(): SettingsForm {
  return { requireApproval: false, defaultApproverId: null, rules: [] };
}

export const useApprovalSettingsStore = defineStore('approval-settings', () => {
  const state = ref<LoadState>('idle');
  const settings = ref<ApprovalSettings | null>(null);
  const form = ref<SettingsForm>(emptyForm());
  const candidates = ref<ApproverCandidate[]>([]);
  const saving = ref(false);
  const errors = ref<Record<string, FieldError>>({});
  const outcome = ref<SaveOutcome | null>(null);
  const workflows = ref<Workflow[]>([]);
  const workflowsState = ref<WorkflowsState>('idle');
  /** Whether the last save left approvals on (all quotes or a rule): the workflows are then enabled. */
  const approvalsActive = ref(false);
  const polls = latestRequest();
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

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
    const [loaded, people, existing] = await Promise.all([getApprovalSettings(), listApproverCandidates(), listApprovalWorkflows()]);
    if (!loaded.ok) {
      state.value = loaded.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    settings.value = loaded.data;
    form.value = toForm(loaded.data);
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

  async function save(): Promise<SaveOutcome> {
    if (saving.value) return outcome.value ?? 'failed';
    outcome.value = null;
    const problems = checkForm(form.value);
    if (Object.keys(problems).length) {
      errors.value = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, { problem }]));
      outcome.value = 'invalid';
      return 'invalid';
    }
    errors.value = {};
    saving.value = true;
    const result = await saveApprovalSettings(toRequest(form.value, settings.value?.version ?? 0));
    saving.value = false;
    if (!result.ok) {
      const fields = fieldProblemsOf(result);
      if (result.status === 409) outcome.value = 'stale';
      else if (fields.length) {
        const next: Record<string, FieldError> = {};
        for (const { field, reason } of fields) {
          const key = formFieldOf(field, form.value);
          if (next[key]) continue;
          if (key === 'defaultApproverId' && /choose an approver/i.test(reason)) next[key] = { problem: 'chooseApprover' };
          else if (/active manager or admin/i.test(reason)) next[key] = { problem: 'approverNotAllowed' };
          else next[key] = { reason };
        }
        errors.value = next;
        outcome.value = 'invalid';
      } else outcome.value = 'failed';
      return outcome.value;
    }
    settings.value = result.data;
    form.value = toForm(result.data);
    approvalsActive.value = result.data.requireApproval || result.data.rules.length > 0;
    outcome.value = 'saved';
    void pollWorkflows(approvalsActive.value);
    return 'saved';
  }

  /** Once every named problem is gone, so is "Check the highlighted fields". */
  function setErrors(next: Record<string, FieldError>): void {
    errors.value = next;
    if (outcome.value === 'invalid' && Object.keys(next).length === 0) outcome.value = null;
  }

  function clearError(field: string): void {
    if (!errors.value[field]) return;
    const next = { ...errors.value };
    delete next[field];
    setErrors(next);
  }

  /** Rules and conditions move: problems named by index no longer point at the right place. */
  function clearRuleErrors(): void {
    setErrors(Object.fromEntries(Object.entries(errors.value).filter(([field]) => !field.startsWith('rules.'))));
  }

  function addRule(name = ''): void {
    form.value.rules.push(newRule(name));
  }

  function removeRule(index: number): void {
    form.value.rules.splice(index, 1);
    clearRuleErrors();
  }

  function moveRule(index: number, delta: -1 | 1): boolean {
    const moved = move(form.value.rules, index, delta);
    if (moved) clearRuleErrors();
    return moved;
  }

  function addCondition(ruleIndex: number): void {
    form.value.rules[ruleIndex]?.conditions.push(newCondition());
  }

  function removeCondition(ruleIndex: number, conditionIndex: number): void {
    form.value.rules[ruleIndex]?.conditions.splice(conditionIndex, 1);
    clearRuleErrors();
  }

  return {
    state,
    settings,
    form,
    candidates,
    saving,
    errors,
    outcome,
    workflows,
    workflowsState,
    approvalsActive,
    load,
    save,
    stopPolling,
    clearError,
    addRule,
    removeRule,
    moveRule,
    addCondition,
    removeCondition,
  };
});
