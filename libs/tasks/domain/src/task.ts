import { TaskCompleted, TaskCreated, type NewTask, type TaskEventPayload, type TaskMessage, type TaskPriority, type TaskStatus } from '@qa/tasks-contracts';
import { AggregateRoot, uuidv7, type Caller } from '@qa/shared-kernel';
import { TaskErrors } from './task.errors';

/** Managers and admins see (and may complete) every task; everyone else their own. */
export const seesAllTasks = (viewer: Pick<Caller, 'role'>): boolean => viewer.role === 'manager' || viewer.role === 'admin';

/** A to-do for a user, tied to a record. */
export class Task extends AggregateRoot {
  id!: string;
  version: number | undefined;
  title!: string;
  notes!: string;
  /** The text as a code with parameters, worded by clients (null: the title is the text). */
  message!: TaskMessage | null;
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

  static create(props: NewTask): Task {
    const task = Object.assign(new Task(), {
      id: uuidv7(),
      title: props.title.trim(),
      notes: props.notes,
      message: props.message ?? null,
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

  /** Who sees it: its assignee and its creator; managers and admins see all. */
  isVisibleTo(viewer: Pick<Caller, 'userId' | 'role'>): boolean {
    return seesAllTasks(viewer) || this.assigneeId === viewer.userId || this.createdById === viewer.userId;
  }

  /** The assignee completes a task; managers and admins may complete anyone's. */
  mayBeCompletedBy(viewer: Pick<Caller, 'userId' | 'role'>): boolean {
    return seesAllTasks(viewer) || this.assigneeId === viewer.userId;
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
