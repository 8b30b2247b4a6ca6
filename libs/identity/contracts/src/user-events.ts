import { integrationEvent, type Role } from '@qa/shared-kernel';

/** A user as identity's events carry it (for the audit log): never a password or token. */
export interface UserChangedPayload extends Record<string, unknown> {
  userId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export const UserCreated = integrationEvent<UserChangedPayload>('identity.user.created.v1');
export const UserDeactivated = integrationEvent<UserChangedPayload>('identity.user.deactivated.v1');
export const UserReactivated = integrationEvent<UserChangedPayload>('identity.user.reactivated.v1');
export const UserRoleChanged = integrationEvent<UserChangedPayload & { previousRole: Role }>('identity.user.role-changed.v1');

/** Where a user sits in the org after an admin changed it (team, manager), and where they sat before. */
export interface UserOrgChangedPayload extends UserChangedPayload {
  team: string | null;
  /** The user id of their manager, or null. */
  reportsTo: string | null;
  previousTeam: string | null;
  previousReportsTo: string | null;
}

export const UserOrgChanged = integrationEvent<UserOrgChangedPayload>('identity.user.org-changed.v1');
