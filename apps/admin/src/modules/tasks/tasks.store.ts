// Tasks (the Tasks page) and the count of my open tasks (the badge on the Tasks link).
// Answers that arrive after a newer request started are dropped, so a quick change of filters
// never shows the result of an older query.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import { takeListAnswer } from '../../api/list-answer';
import { usePeopleStore } from '../people/people.store';

export type Task = ApiSchemas['TaskResponse'];
export type TaskPriority = Task['priority'];
export type TaskStatusFilter = Task['status'];
export type TaskAssigneeFilter = 'me' | 'anyone';
export type NewTask = ApiSchemas['CreateTaskRequest'];

export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'medium', 'high'];
export const TASK_EVENTS = ['tasks.task.created.v1', 'tasks.task.completed.v1'] as const;

export const useTasksStore = defineStore('tasks', () => {
  const items = ref<Task[]>([]);
  const status = ref<TaskStatusFilter>('open');
  const assignee = ref<TaskAssigneeFilter>('me');
  const loading = ref(false);
  const failed = ref(false);
  /** True once a first list has arrived. */
  const loaded = ref(false);
  /** Open tasks assigned to me (the badge); null until known. */
  const openCount = ref<number | null>(null);
  /** Task ids being completed right now. */
  const completing = ref<string[]>([]);
  const lists = latestRequest();
  const counts = latestRequest();

  const isEmpty = computed(() => loaded.value && items.value.length === 0);

  async function load(): Promise<void> {
    const isCurrent = lists.start();
    loading.value = true;
    const result = await apiResult(useApi().GET('/api/v1/tasks', { params: { query: { assignee: assignee.value, status: status.value } } }));
    if (!isCurrent()) return;
    loading.value = false;
    const list = takeListAnswer(result, { failed, loaded });
    if (!list) return;
    items.value = list.items;
    const people = usePeopleStore();
    await people.ensure(list.items.flatMap((task) => [task.assigneeId, task.createdByType === 'user' ? task.createdById : null]));
  }

  async function loadCount(): Promise<void> {
    const isCurrent = counts.start();
    const result = await apiResult(useApi().GET('/api/v1/tasks/counts'));
    if (!isCurrent() || !result.ok) return;
    openCount.value = result.data.openAssignedToMe;
  }

  function setStatus(next: TaskStatusFilter): Promise<void> {
    status.value = next;
    return load();
  }

  function setAssignee(next: TaskAssigneeFilter): Promise<void> {
    assignee.value = next;
    return load();
  }

  /** Completes a task; on success it leaves the list of open tasks and the badge is refreshed. */
  async function complete(task: Task): Promise<ApiResult<Task>> {
    completing.value = [...completing.value, task.id];
    const result = await apiResult(useApi().POST('/api/v1/tasks/{id}/complete', { params: { path: { id: task.id } } }));
    completing.value = completing.value.filter((id) => id !== task.id);
    if (result.ok) {
      items.value = status.value === 'open' ? items.value.filter((item) => item.id !== task.id) : items.value.map((item) => (item.id === task.id ? result.data : item));
      await loadCount();
    }
    return result;
  }

  async function create(body: NewTask): Promise<ApiResult<Task>> {
    const result = await apiResult(useApi().POST('/api/v1/tasks', { body }));
    if (result.ok) await Promise.all([load(), loadCount()]);
    return result;
  }

  return { items, status, assignee, loading, failed, loaded, isEmpty, openCount, completing, load, loadCount, setStatus, setAssignee, complete, create };
});
