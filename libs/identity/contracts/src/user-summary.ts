import type { Role } from '@qa/shared-kernel';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** False once an admin deactivated the user: they cannot log in, and their sessions and API tokens are ended. */
  active: boolean;
}
