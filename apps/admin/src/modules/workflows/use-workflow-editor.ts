// The workflow editor's state (/workflows/new and /workflows/:id): the form, loading it with the
// action catalogue, saving it (POST, or PUT with its version: 409 when stale), the field problems of
// the page's own check and of the API, and the webhook signing secrets a save or rotation shows once.
import { computed, nextTick, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { fieldProblemsOf } from '../../api/api-result';
import { useSessionStore } from '../session/session.store';
import { checkForm, emptyForm, formFromWorkflow, toRequest, withSavedSecrets, withoutSetAside, type FieldErrors, type IssuedSecret, type Workflow, type WorkflowForm } from './workflow-form';
import { problemMessageKey } from './workflow-problems';
import { createWorkflow, getWorkflow, rotateWebhookSecret, updateWorkflow } from './workflows-api';
import { useWorkflowsStore } from './workflows.store';

export type EditorState = 'loading' | 'ready' | 'not-found' | 'forbidden' | 'failed';

export function useWorkflowEditor() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const workflows = useWorkflowsStore();

  const state = ref<EditorState>('loading');
  const form = ref<WorkflowForm>(emptyForm());
  const workflowId = ref<string | null>(null);
  const version = ref(0);
  const savedName = ref('');
  const errors = ref<FieldErrors>({});
  const stale = ref(false);
  const failure = ref('');
  const saving = ref(false);
  const saved = ref('');
  /** Signing secrets the server just made: shown once, until dismissed or the page is left. */
  const issuedSecrets = ref<IssuedSecret[]>([]);
  const rotating = ref<string | null>(null);
  const rotateFailed = ref('');
  /** Why this save: kept with the version it writes (optional, cleared after a save). */
  const changeNote = ref('');

  const isAdmin = computed(() => session.me?.role === 'admin');
  const isNew = computed(() => route.name === 'workflow-new');
  const routeId = computed(() => (typeof route.params['id'] === 'string' ? route.params['id'] : null));

  function focusLater(id: string): void {
    void nextTick(() => document.getElementById(id)?.focus());
  }

  /** A workflow the API answered with: the page now edits its saved version (and shows its new secrets once). */
  function took(workflow: Workflow): void {
    workflowId.value = workflow.id;
    version.value = workflow.version;
    savedName.value = workflow.name;
    form.value = { ...form.value, actions: withSavedSecrets(form.value.actions, workflow) };
    workflows.remember({ ...workflow, issuedSecrets: undefined });
    issuedSecrets.value = workflow.issuedSecrets ?? [];
    if (issuedSecrets.value.length) focusLater('wf-issued-secrets');
  }

  /** Someone else saved the workflow meanwhile (409): say so, with Reload. */
  function wentStale(): void {
    stale.value = true;
    focusLater('wf-error-summary');
  }

  async function rotate(secretId: string): Promise<void> {
    if (!workflowId.value || rotating.value) return;
    rotating.value = secretId;
    rotateFailed.value = '';
    const result = await rotateWebhookSecret(workflowId.value, secretId, version.value);
    rotating.value = null;
    if (result.ok) took(result.data);
    else if (result.status === 409) wentStale();
    else rotateFailed.value = t('workflows.editor.secret.rotateFailed');
  }

  function reset(): void {
    issuedSecrets.value = [];
    rotateFailed.value = '';
    errors.value = {};
    stale.value = false;
    failure.value = '';
    saved.value = '';
  }

  async function load(): Promise<void> {
    reset();
    if (session.me?.role === 'rep' || (isNew.value && !isAdmin.value)) {
      state.value = 'forbidden';
      return;
    }
    if (isNew.value) {
      const catalogue = await workflows.loadCatalogue();
      form.value = emptyForm();
      workflowId.value = null;
      version.value = 0;
      savedName.value = '';
      state.value = catalogue.ok ? 'ready' : catalogue.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    const id = routeId.value;
    if (!id) return;
    state.value = 'loading';
    const [catalogue, result] = await Promise.all([workflows.loadCatalogue(), getWorkflow(id)]);
    if (!result.ok) {
      state.value = result.status === 403 ? 'forbidden' : result.status === 404 || result.status === 400 ? 'not-found' : 'failed';
      return;
    }
    if (!catalogue.ok) {
      state.value = catalogue.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    form.value = formFromWorkflow(result.data);
    workflowId.value = result.data.id;
    version.value = result.data.version;
    savedName.value = result.data.name;
    state.value = 'ready';
  }

  /** An earlier version was restored (a new version): the editor shows it, as after a save. */
  function showRestored(workflow: Workflow): void {
    form.value = formFromWorkflow(workflow);
    errors.value = {};
    stale.value = false;
    took(workflow);
  }

  /** Moving, adding or removing actions renumbers them: their problems no longer point at the right place. */
  function clearActionErrors(): void {
    errors.value = Object.fromEntries(Object.entries(errors.value).filter(([path]) => !path.startsWith('actions')));
  }

  async function save(): Promise<void> {
    if (!isAdmin.value || saving.value) return;
    saved.value = '';
    failure.value = '';
    stale.value = false;
    const local = checkForm(form.value, workflows.catalogue);
    errors.value = Object.fromEntries(
      Object.entries(local).map(([path, kind]) => [path, path === 'name' ? t('workflows.editor.errors.name') : t(`workflows.editor.errors.${kind}`)]),
    );
    if (Object.keys(errors.value).length > 0) {
      focusLater('wf-error-summary');
      return;
    }
    saving.value = true;
    const note = changeNote.value.trim();
    const body = { ...toRequest(form.value, workflows.catalogue), ...(note ? { changeNote: note } : {}) };
    const result = workflowId.value ? await updateWorkflow(workflowId.value, version.value, body) : await createWorkflow(body);
    saving.value = false;
    if (result.ok) {
      const wasNew = !workflowId.value;
      took(result.data);
      changeNote.value = '';
      form.value = { ...form.value, actions: withoutSetAside(form.value.actions) };
      saved.value = wasNew ? t('workflows.editor.created') : t('workflows.editor.saved');
      if (wasNew) await router.replace({ name: 'workflow-detail', params: { id: result.data.id } });
      return;
    }
    if (result.status === 409) return wentStale();
    const problems = fieldProblemsOf(result);
    if ((result.status === 400 || result.status === 422) && problems.length > 0) {
      errors.value = Object.fromEntries(
        problems.map(({ field, reason }) => {
          const key = problemMessageKey(field);
          return [field, key ? t(key) : reason];
        }),
      );
    } else {
      failure.value = result.error?.message && result.status === 422 ? result.error.message : t('workflows.editor.saveFailed');
    }
    focusLater('wf-error-summary');
  }

  // The same page serves /workflows/new and /workflows/:id: load again when the route changes,
  // except right after creating (the page already shows the saved workflow).
  watch(
    () => [route.name, routeId.value] as const,
    () => {
      if (!isNew.value && routeId.value && routeId.value === workflowId.value && state.value === 'ready') return;
      void load();
    },
    { immediate: true },
  );

  return { state, form, workflowId, version, changeNote, savedName, errors, stale, failure, saving, saved, issuedSecrets, rotating, rotateFailed, isAdmin, isNew, load, save, rotate, showRestored, clearActionErrors };
}
