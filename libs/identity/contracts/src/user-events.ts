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
