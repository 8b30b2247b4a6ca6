// In-memory tasks for the use cases' specs: the filter and order of the MikroORM repository
// (which has its integration test through the API) without a database.
import type { Caller, Role } from '@qa/shared-kernel';
import type { NewTask } from '@qa/tasks-contracts';
import { Task, TaskRepository, type TaskFilter } from '@qa/tasks-domain';

export class MemoryTasks extends TaskRepository {
  tasks = new Map<string, Task>();
  async findById(id: string) { return this.tasks.get(id) ?? null; }
  async findBySourceKey(sourceKey: string) { return [...this.tasks.values()].find((t) => t.sourceKey === sourceKey) ?? null; }
  async list(filter: TaskFilter, limit: number) {
    return [...this.tasks.values()]
      .filter(
        (t) =>
          (!filter.assigneeId || t.assigneeId === filter.assigneeId) &&
          (!filter.status || t.status === filter.status) &&
          (!filter.relatedType || t.relatedType === filter.relatedType) &&
          (!filter.relatedId || t.relatedId === filter.relatedId) &&
          (!filter.visibleTo || t.assigneeId === filter.visibleTo || t.createdById === filter.visibleTo),
      )
      .sort((a, b) => b.status.localeCompare(a.status) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit);
  }
  async countOpen(assigneeId: string) { return [...this.tasks.values()].filter((t) => t.assigneeId === assigneeId && t.status === 'open').length; }
  async save(task: Task) {
    task.version = (task.version ?? 0) + 1;
    this.tasks.set(task.id, task);
  }
}

export const caller = (userId: string, role: Role = 'rep'): Caller => ({ userId, email: `${userId}@example.com`, name: userId, role, via: 'session' });

export const newTask = (overrides: Partial<NewTask> = {}): NewTask => ({
  title: 'Call Anna about the discount',
  notes: '',
  assigneeId: 'manager-1',
  relatedType: 'quote',
  relatedId: 'q1',
  dueOn: null,
  priority: 'medium',
  createdBy: { type: 'user', id: 'rep-1' },
  sourceKey: null,
  ...overrides,
});

/** A task saved as it was created (events pulled). */
export async function savedTask(tasks: MemoryTasks, overrides: Partial<NewTask> = {}): Promise<Task> {
  const task = Task.create(newTask(overrides));
  task.pullEvents();
  await tasks.save(task);
  return task;
}
