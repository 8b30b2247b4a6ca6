import { EntitySchema } from '@mikro-orm/core';
import { ApiToken, Session, User } from '@qa/identity-domain';

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'identity_user',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    email: { type: 'string', length: 320, unique: 'identity_user_email_unique' },
    name: { type: 'string', length: 200 },
    // A plain string column: SQLite cannot introspect CHECK constraints, so an enum mapping would
    // never compare equal to its own migration there. The domain type (Role) keeps the values right.
    role: { type: 'string', length: 16, index: 'identity_user_role_index' },
    passwordHash: { type: 'string', length: 255 },
    active: { type: 'boolean' },
    team: { type: 'string', length: User.MAX_TEAM_LENGTH, nullable: true },
    // The manager's user id (no foreign key, like every user reference here; the domain checks it).
    reportsTo: { type: 'string', length: 36, nullable: true },
    createdAt: { type: 'datetime' },
    // Not versioned (no column): one user's events order by their ids.
    version: { type: 'integer', persist: false, nullable: true },
  },
});

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'identity_session',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    tokenHash: { type: 'string', length: 64, unique: 'identity_session_token_hash_unique' },
    userId: { type: 'string', length: 36, index: 'identity_session_user_id_index' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', index: 'identity_session_expires_at_index' },
    lastSeenAt: { type: 'datetime' },
  },
});

export const ApiTokenSchema = new EntitySchema<ApiToken>({
  class: ApiToken,
  tableName: 'identity_api_token',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    userId: { type: 'string', length: 36, index: 'identity_api_token_user_id_index' },
    name: { type: 'string', length: 100 },
    tokenHash: { type: 'string', length: 64, unique: 'identity_api_token_token_hash_unique' },
    prefix: { type: 'string', length: 16 },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    lastUsedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
    // Not versioned (no column): one token's events order by their ids.
    version: { type: 'integer', persist: false, nullable: true },
  },
});

export const identityEntities = [UserSchema, SessionSchema, ApiTokenSchema];
