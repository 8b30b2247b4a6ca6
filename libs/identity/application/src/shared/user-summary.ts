import type { UserSummary } from '@qa/identity-contracts';
import type { User } from '@qa/identity-domain';

/** What other contexts and the API may know of a user (never the password hash). */
export function toUserSummary({ id, email, name, role, active }: User): UserSummary {
  return { id, email, name, role, active };
}
