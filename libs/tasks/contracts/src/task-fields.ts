export const TASK_PRIORITIES = ['low', 'medium', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Who made a task: a user (over HTTP) or a workflow (its id). */
export interface TaskCreator {
  type: 'user' | 'workflow';
  id: string | null;
}

/**
 * A text for people as a code with parameters (e.g. `approvals.reviewQuote` with `number` and
 * `title`): clients word it in the reader's language. Built-in workflows give one; a title a user
 * typed stays the task's title.
 */
export interface TaskMessage {
  code: string;
  params: Record<string, string>;
}

/** What a task is about and for whom, as whoever creates it writes it. */
export interface TaskDetails {
  title: string;
  notes: string;
  assigneeId: string;
  relatedType: string | null;
  relatedId: string | null;
  /** ISO date, e.g. 2026-12-01. */
  dueOn: string | null;
  priority: TaskPriority;
  /** The task's text as a code with parameters (clients word it; `title` is then the fallback). */
  message?: TaskMessage | null;
}

/** A task to create: its details, who creates it, and (optionally) an idempotency key. */
export interface NewTask extends TaskDetails {
  createdBy: TaskCreator;
  /** Idempotency key of the creator (e.g. a workflow step): the same key twice creates one task. */
  sourceKey: string | null;
}
