// @qa/identity-contracts: what other contexts may know about users.
import type { Role } from '@qa/shared-kernel';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** Looks up users by id (for e-mail addresses and names). Send it on the QueryBus. */
export class FindUsersQuery {
  constructor(readonly ids: string[]) {}
}
