// @qa/tasks-contracts: tasks as other contexts see them: the events, and the command that
// workflows send to create a task.
import { integrationEvent } from '@qa/shared-kernel';

export const TASK_PRIORITIES = ['low', 'medium', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskEventPayload extends Record<string, unknown> {
  taskId: string;
  title: string;
  assigneeId: string;
  status: TaskStatus;
  relatedType: string | null;
  relatedId: string | null;
  createdByType: 'user' | 'workflow';
  createdById: string | null;
}

export const TaskCreated = integrationEvent<TaskEventPayload>('tasks.task.created.v1');
export const TaskCompleted = integrationEvent<TaskEventPayload>('tasks.task.completed.v1');

/**
 * Creates a task. `sourceKey` makes it idempotent: a second command with the same key (a
 * redelivered workflow step) returns the first task instead of creating another.
 * Send it on the CommandBus; the tasks context handles it.
 */
export class CreateTaskCommand {
  constructor(
    readonly task: {
      title: string;
      notes: string;
      assigneeId: string;
      relatedType: string | null;
      relatedId: string | null;
      dueOn: string | null;
      priority: TaskPriority;
      createdBy: { type: 'user' | 'workflow'; id: string | null };
      sourceKey: string | null;
    },
  ) {}
}

/** Completes the open tasks of a record whose source key starts with a prefix (e.g. a workflow's approval task). */
export class CompleteRecordTasksCommand {
  constructor(
    readonly relatedType: string,
    readonly relatedId: string,
    readonly sourceKeyPrefix: string,
    readonly completedBy: string | null,
  ) {}
}
