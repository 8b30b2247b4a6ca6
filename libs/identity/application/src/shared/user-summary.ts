import type { UserSummary } from '@qa/identity-contracts';
import type { User } from '@qa/identity-domain';

/** What other contexts and the API may know of a user (never the password hash). */
export function toUserSummary({ id, email, name, role, active, team, reportsTo }: User): UserSummary {
  return { id, email, name, role, active, team: team ?? null, reportsTo: reportsTo ?? null };
}
