import { integrationEvent } from '@qa/shared-kernel';
import type { TaskStatus } from './task-fields';

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
