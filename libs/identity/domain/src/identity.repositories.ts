import type { Role } from '@qa/shared-kernel';
import type { ApiToken } from './api-token';
import type { Session } from './session';
import type { User } from './user';

/** Repository ports; MikroORM implements them in identity-infrastructure. */
export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  /** These users (unknown ids are left out), in no particular order. */
  abstract findByIds(ids: string[]): Promise<User[]>;
  abstract list(filter: { role?: Role[] }): Promise<User[]>;
  abstract count(): Promise<number>;
  abstract save(user: User): Promise<void>;
}

export abstract class SessionRepository {
  abstract findByTokenHash(tokenHash: string): Promise<Session | null>;
  /** The session and its user in one lookup (every request of a logged-in user makes it). */
  abstract findWithUserByTokenHash(tokenHash: string): Promise<{ session: Session; user: User } | null>;
  abstract save(session: Session): Promise<void>;
  abstract deleteByTokenHash(tokenHash: string): Promise<void>;
  /** Ends every session of a user at once (deactivation). */
  abstract deleteForUser(userId: string): Promise<void>;
}

export abstract class ApiTokenRepository {
  abstract findByTokenHash(tokenHash: string): Promise<ApiToken | null>;
  abstract findById(id: string): Promise<ApiToken | null>;
  abstract listForUser(userId: string): Promise<ApiToken[]>;
  abstract save(token: ApiToken): Promise<void>;
  /** Revokes every active token of a user at once (deactivation). */
  abstract revokeAllForUser(userId: string, now: Date): Promise<void>;
}
