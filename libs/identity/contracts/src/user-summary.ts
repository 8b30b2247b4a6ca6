import type { Role } from '@qa/shared-kernel';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** False once an admin deactivated the user: they cannot log in, and their sessions and API tokens are ended. */
  active: boolean;
  /** The team the user works in (e.g. "Sales"), or null. */
  team: string | null;
  /** The id of the user's manager (the user they report to), or null. */
  reportsTo: string | null;
}
