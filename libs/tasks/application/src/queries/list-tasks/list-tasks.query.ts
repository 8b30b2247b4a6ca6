import { Query } from '@nestjs/cqrs';
import type { TaskStatus } from '@qa/tasks-contracts';
import type { Task } from '@qa/tasks-domain';
import type { Caller } from '@qa/shared-kernel';

export interface ListTasksFilter {
  /** `me` (default), `anyone`, or a user id. */
  assignee?: 'me' | 'anyone' | string;
  status?: TaskStatus;
  relatedType?: string;
  relatedId?: string;
}

/** Tasks: the caller's by default; open first, by due date. Reps only ever see their own. */
export class ListTasksQuery extends Query<Task[]> {
  constructor(
    readonly caller: Caller,
    readonly filter: ListTasksFilter,
    readonly limit = 100,
  ) {
    super();
  }
}
