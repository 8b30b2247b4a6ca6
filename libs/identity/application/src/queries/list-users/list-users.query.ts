import { Query } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import type { Role } from '@qa/shared-kernel';

export class ListUsersQuery extends Query<UserSummary[]> {
  constructor(readonly filter: { roles?: Role[] } = {}) {
    super();
  }
}
