import { Command } from '@nestjs/cqrs';
import type { Task } from '@qa/tasks-domain';
import type { Caller } from '@qa/shared-kernel';

/** The assignee completes a task; managers and admins may complete anyone's. */
export class CompleteTaskCommand extends Command<Task> {
  constructor(
    readonly caller: Caller,
    readonly taskId: string,
  ) {
    super();
  }
}
