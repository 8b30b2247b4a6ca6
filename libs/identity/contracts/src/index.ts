// @qa/identity-contracts: what other contexts may know about users.
import { integrationEvent, type Role } from '@qa/shared-kernel';

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

/** An API token as events carry it: its name and lifetime, never the token or its hash. */
export interface ApiTokenChangedPayload extends Record<string, unknown> {
  tokenId: string;
  userId: string;
  name: string;
  prefix: string;
  expiresAt: string;
  revoked: boolean;
}

export const ApiTokenCreated = integrationEvent<ApiTokenChangedPayload>('identity.api-token.created.v1');
export const ApiTokenRevoked = integrationEvent<ApiTokenChangedPayload>('identity.api-token.revoked.v1');
