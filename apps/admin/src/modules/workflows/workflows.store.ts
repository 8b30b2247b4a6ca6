// Workflows: the list (admins and managers; reps get 403), the action catalogue (loaded once),
// and switching a workflow on or off from the list (a PUT of the whole definition with its version).
import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiResult } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import type { ActionDescription, Workflow, WorkflowRequest } from './workflow-form';
import { listActionCatalogue, listWorkflows, updateWorkflow } from './workflows-api';

export type ListState = 'idle' | 'loading' | 'ready' | 'forbidden' | 'failed';

/** The request body that keeps a workflow as it is (e.g. to flip `enabled` only). */
export function requestOf(workflow: Workflow): WorkflowRequest {
  return {
    name: workflow.name,
    enabled: workflow.enabled,
    objectType: workflow.objectType,
    trigger: workflow.trigger,
    conditions: workflow.conditions,
    reenrollment: workflow.reenrollment,
    // Key and params only: a webhook's params name its secret (secretId), which keeps it.
    actions: workflow.actions.map(({ key, params }) => ({ key, params })),
    setKey: workflow.setKey,
  };
}

export const useWorkflowsStore = defineStore('workflows', () => {
  const items = ref<Workflow[]>([]);
  const state = ref<ListState>('idle');
  const catalogue = ref<ActionDescription[]>([]);
  const catalogueLoaded = ref(false);
  /** Workflow ids being switched on or off right now. */
  const toggling = ref<string[]>([]);
  const loads = latestRequest();
  let cataloguePending: Promise<ApiResult<{ items: ActionDescription[] }>> | null = null;

  async function load(): Promise<void> {
    const isCurrent = loads.start();
    if (state.value !== 'ready') state.value = 'loading';
    const result = await listWorkflows();
    if (!isCurrent()) return;
    if (!result.ok) {
      state.value = result.status === 403 ? 'forbidden' : 'failed';
      return;
    }
    items.value = result.data.items;
    state.value = 'ready';
  }

  /** The action catalogue, asked of the API once (again after a failure). */
  async function loadCatalogue(): Promise<ApiResult<{ items: ActionDescription[] }>> {
    if (catalogueLoaded.value) return { ok: true, data: { items: catalogue.value } };
    cataloguePending ??= listActionCatalogue();
    const result = await cataloguePending;
    cataloguePending = null;
    if (result.ok) {
      catalogue.value = result.data.items;
      catalogueLoaded.value = true;
    }
    return result;
  }

  /** Switches a workflow on or off; a 409 (changed meanwhile) reloads the list. */
  async function setEnabled(workflow: Workflow, enabled: boolean): Promise<ApiResult<Workflow>> {
    toggling.value = [...toggling.value, workflow.id];
    const result = await updateWorkflow(workflow.id, workflow.version, { ...requestOf(workflow), enabled });
    toggling.value = toggling.value.filter((id) => id !== workflow.id);
    if (result.ok) {
      items.value = items.value.map((item) => (item.id === workflow.id ? result.data : item));
    } else if (result.status === 409) {
      await load();
    }
    return result;
  }

  /** Keeps the list in step with a workflow saved in the editor. */
  function remember(workflow: Workflow): void {
    const known = items.value.some((item) => item.id === workflow.id);
    items.value = known ? items.value.map((item) => (item.id === workflow.id ? workflow : item)) : [...items.value, workflow];
  }

  return { items, state, catalogue, catalogueLoaded, toggling, load, loadCatalogue, setEnabled, remember };
});
