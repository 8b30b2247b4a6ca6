// In-memory adapters for the identity use cases' specs: the rules without I/O (the MikroORM and
// Redis adapters have integration tests).
import { ApiToken, ApiTokenRepository, Session, SessionRepository, User, UserRepository } from '@qa/identity-domain';
import type { Role } from '@qa/shared-kernel';
import { LoginAttemptLimiter, PasswordHasher, type LoginAttempt } from '../ports/identity.ports';

export class MemoryUsers extends UserRepository {
  users = new Map<string, User>();
  async findById(id: string) { return this.users.get(id) ?? null; }
  async findByEmail(email: string) { return [...this.users.values()].find((u) => u.email === email) ?? null; }
  async findByIds(ids: string[]) { return [...this.users.values()].filter((u) => ids.includes(u.id)); }
  async list(filter: { role?: Role[] } = {}) { return [...this.users.values()].filter((u) => !filter.role || filter.role.includes(u.role)); }
  async count() { return this.users.size; }
  async save(user: User) { this.users.set(user.id, user); }
}

export class MemorySessions extends SessionRepository {
  sessions = new Map<string, Session>();
  constructor(private readonly users: MemoryUsers) { super(); }
  async findByTokenHash(hash: string) { return this.sessions.get(hash) ?? null; }
  async findWithUserByTokenHash(hash: string) {
    const session = this.sessions.get(hash);
    const user = session && (await this.users.findById(session.userId));
    return session && user ? { session, user } : null;
  }
  async save(session: Session) { this.sessions.set(session.tokenHash, session); }
  async deleteByTokenHash(hash: string) { this.sessions.delete(hash); }
  async deleteForUser(userId: string) { for (const [hash, s] of this.sessions) if (s.userId === userId) this.sessions.delete(hash); }
}

export class MemoryTokens extends ApiTokenRepository {
  tokens = new Map<string, ApiToken>();
  async findByTokenHash(hash: string) { return [...this.tokens.values()].find((t) => t.tokenHash === hash) ?? null; }
  async findById(id: string) { return this.tokens.get(id) ?? null; }
  async listForUser(userId: string) { return [...this.tokens.values()].filter((t) => t.userId === userId); }
  async save(token: ApiToken) { this.tokens.set(token.id, token); }
  async revokeAllForUser(userId: string, now: Date) { for (const t of this.tokens.values()) if (t.userId === userId) t.revoke(now); }
}

/** A readable stand-in for argon2: the behaviour under test is the handler's, not the hash's. */
export class PlainHasher extends PasswordHasher {
  verifications = 0;
  async hash(password: string) { return `plain:${password}`; }
  async verify(hash: string, password: string) { this.verifications++; return hash === `plain:${password}`; }
}

/** Counts like the Redis limiter: every attempt first, per account and per address. */
export class CountingLimiter extends LoginAttemptLimiter {
  counts = new Map<string, number>();
  constructor(private readonly maxPerAccount: number, private readonly maxPerAddress = Number.POSITIVE_INFINITY) { super(); }
  async begin({ account, address }: LoginAttempt) {
    const a = this.bump(`account:${account}`, 1);
    const b = this.bump(`address:${address}`, 1);
    return a > this.maxPerAccount || b > this.maxPerAddress ? 900 : 0;
  }
  async succeeded({ account, address }: LoginAttempt) {
    this.counts.delete(`account:${account}`);
    this.bump(`address:${address}`, -1);
  }
  private bump(key: string, by: number) {
    const next = (this.counts.get(key) ?? 0) + by;
    this.counts.set(key, next);
    return next;
  }
}
