import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** The count of the caller's open tasks, for the badge. */
export class CountOpenTasksQuery extends Query<number> {
  constructor(readonly caller: Caller) {
    super();
  }
}
