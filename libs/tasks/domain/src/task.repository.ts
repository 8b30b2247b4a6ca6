import type { TaskStatus } from '@qa/tasks-contracts';
import type { Task } from './task';

export interface TaskFilter {
  assigneeId?: string;
  /** Tasks assigned to or created by this user (what a rep may see). */
  visibleTo?: string;
  status?: TaskStatus;
  relatedType?: string;
  relatedId?: string;
}

export abstract class TaskRepository {
  abstract findById(id: string): Promise<Task | null>;
  abstract findBySourceKey(sourceKey: string): Promise<Task | null>;
  /** Open first, then by due date, newest first. */
  abstract list(filter: TaskFilter, limit: number): Promise<Task[]>;
  abstract countOpen(assigneeId: string): Promise<number>;
  abstract save(task: Task): Promise<void>;
}
