import { Query } from '@nestjs/cqrs';
import type { UserSummary } from './user-summary';

/** Looks up users by id (for e-mail addresses, names, and whether they are still active). Send it on the QueryBus. */
export class FindUsersQuery extends Query<UserSummary[]> {
  constructor(readonly ids: string[]) {
    super();
  }
}
