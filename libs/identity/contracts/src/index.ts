// @qa/identity-contracts: what other contexts may know about users.
import type { Role } from '@qa/shared-kernel';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** False once an admin deactivated the user: they cannot log in, and their sessions and API tokens are ended. */
  active: boolean;
}

/** Looks up users by id (for e-mail addresses, names, and whether they are still active). Send it on the QueryBus. */
export class FindUsersQuery {
  constructor(readonly ids: string[]) {}
}
