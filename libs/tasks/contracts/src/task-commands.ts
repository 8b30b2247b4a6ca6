import { Command } from '@nestjs/cqrs';
import type { NewTask } from './task-fields';

/** The task a create made, or (same source key) found: `created` false when it already existed. */
export interface CreatedTask {
  id: string;
  created: boolean;
}

/**
 * Creates a task. `sourceKey` makes it idempotent: a second command with the same key (a
 * redelivered workflow step) returns the first task instead of creating another.
 * Send it on the CommandBus; the tasks context handles it.
 */
export class CreateTaskCommand extends Command<CreatedTask> {
  constructor(readonly task: NewTask) {
    super();
  }
}

/**
 * Completes the open tasks of a record whose source key starts with a prefix (e.g. a workflow's
 * approval task); answers how many it completed.
 */
export class CompleteRecordTasksCommand extends Command<number> {
  constructor(
    readonly relatedType: string,
    readonly relatedId: string,
    readonly sourceKeyPrefix: string,
    readonly completedBy: string | null,
  ) {
    super();
  }
}
