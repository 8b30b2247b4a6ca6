// @qa/tasks-domain: a task: a to-do for a user, tied to a record. No framework imports.
import { TaskCompleted, TaskCreated, type TaskEventPayload, type TaskPriority, type TaskStatus } from '@qa/tasks-contracts';
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

export class Task extends AggregateRoot {
  id!: string;
  version: number | undefined;
  title!: string;
  notes!: string;
  assigneeId!: string;
  relatedType!: string | null;
  relatedId!: string | null;
  dueOn!: string | null;
  priority!: TaskPriority;
  status!: TaskStatus;
  createdByType!: 'user' | 'workflow';
  createdById!: string | null;
  /** Idempotency key of the creator (e.g. a workflow step), unique when set. */
  sourceKey!: string | null;
  createdAt!: Date;
  completedAt!: Date | null;
  completedBy!: string | null;

  protected get aggregateType() {
    return 'task';
  }

  static create(props: {
    title: string;
    notes: string;
    assigneeId: string;
    relatedType: string | null;
    relatedId: string | null;
    dueOn: string | null;
    priority: TaskPriority;
    createdBy: { type: 'user' | 'workflow'; id: string | null };
    sourceKey: string | null;
  }): Task {
    const task = Object.assign(new Task(), {
      id: uuidv7(),
      title: props.title.trim(),
      notes: props.notes,
      assigneeId: props.assigneeId,
      relatedType: props.relatedType,
      relatedId: props.relatedId,
      dueOn: props.dueOn,
      priority: props.priority,
      status: 'open' as const,
      createdByType: props.createdBy.type,
      createdById: props.createdBy.id,
      sourceKey: props.sourceKey,
      createdAt: new Date(),
      completedAt: null,
      completedBy: null,
    });
    task.record(TaskCreated, task.payload());
    return task;
  }

  complete(by: string | null, now = new Date()): void {
    if (this.status === 'completed') throw TaskErrors.alreadyCompleted(this.id);
    this.status = 'completed';
    this.completedAt = now;
    this.completedBy = by;
    this.record(TaskCompleted, this.payload(), now);
  }

  private payload(): TaskEventPayload {
    return {
      taskId: this.id,
      title: this.title,
      assigneeId: this.assigneeId,
      status: this.status,
      relatedType: this.relatedType,
      relatedId: this.relatedId,
      createdByType: this.createdByType,
      createdById: this.createdById,
    };
  }
}

export const TaskErrors = {
  notFound: (id: string) => new DomainError('TASKS.NOT_FOUND', `No task ${id}`, 'not-found', { id }),
  alreadyCompleted: (id: string) => new DomainError('TASKS.ALREADY_COMPLETED', 'The task is already completed', 'conflict', { id }),
};

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
  abstract list(filter: TaskFilter, limit: number): Promise<Task[]>;
  abstract countOpen(assigneeId: string): Promise<number>;
  abstract save(task: Task): Promise<void>;
}
