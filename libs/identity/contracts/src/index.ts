// @qa/identity-contracts: what other contexts may know about users.
import type { Role } from '@qa/shared-kernel';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}
