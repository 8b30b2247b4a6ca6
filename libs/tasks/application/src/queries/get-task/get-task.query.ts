import { Query } from '@nestjs/cqrs';
import type { Task } from '@qa/tasks-domain';
import type { Caller } from '@qa/shared-kernel';

/** One task, for whoever may see it (404 for anyone else). */
export class GetTaskQuery extends Query<Task> {
  constructor(
    readonly caller: Caller,
    readonly taskId: string,
  ) {
    super();
  }
}
