import { beforeEach, describe, expect, it } from 'vitest';
import { ApiTokenRepository, Session, SessionRepository, User, UserRepository, type ApiToken } from '@qa/identity-domain';
import { DomainError } from '@qa/shared-kernel';
import { IdentitySettings, LoginAttemptLimiter, PasswordHasher } from '../../ports/identity.ports';
import { hashSecret } from '../../secrets';
import { ResolveCallerHandler } from '../../queries/resolve-caller/resolve-caller.handler';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

/** In-memory adapters: the use case's rules without I/O (the MikroORM adapters have an integration test). */
class MemoryUsers extends UserRepository {
  users = new Map<string, User>();
  async findById(id: string) { return this.users.get(id) ?? null; }
  async findByEmail(email: string) { return [...this.users.values()].find((u) => u.email === email) ?? null; }
  async list() { return [...this.users.values()]; }
  async save(user: User) { this.users.set(user.id, user); }
}
class MemorySessions extends SessionRepository {
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
}
class NoTokens extends ApiTokenRepository {
  async findByTokenHash() { return null; }
  async findById() { return null; }
  async listForUser() { return []; }
  async save(_token: ApiToken) {}
}
/** A readable stand-in for argon2: the behaviour under test is the handler's, not the hash's. */
class PlainHasher extends PasswordHasher {
  verifications = 0;
  async hash(password: string) { return `plain:${password}`; }
  async verify(hash: string, password: string) { this.verifications++; return hash === `plain:${password}`; }
}
class CountingLimiter extends LoginAttemptLimiter {
  failures = new Map<string, number>();
  constructor(private readonly max: number) { super(); }
  async lockedFor(key: string) { return (this.failures.get(key) ?? 0) >= this.max ? 900 : 0; }
  async recordFailure(key: string) { this.failures.set(key, (this.failures.get(key) ?? 0) + 1); }
  async reset(key: string) { this.failures.delete(key); }
}

describe('LogInHandler', () => {
  let users: MemoryUsers;
  let sessions: MemorySessions;
  let hasher: PlainHasher;
  let limiter: CountingLimiter;
  let handler: LogInHandler;
  const settings: IdentitySettings = { sessionTtlMs: 3_600_000 };

  beforeEach(async () => {
    users = new MemoryUsers();
    sessions = new MemorySessions(users);
    hasher = new PlainHasher();
    limiter = new CountingLimiter(3);
    handler = new LogInHandler(users, sessions, hasher, limiter, settings);
    await users.save(User.create({ email: 'Rep@Example.com ', name: 'Rita Rep', role: 'rep', passwordHash: 'plain:demo' }));
  });

  it('opens a session for the right password, storing only the token hash', async () => {
    const result = await handler.execute(new LogInCommand('rep@example.com', 'demo', '127.0.0.1'));
    expect(result.caller).toMatchObject({ email: 'rep@example.com', name: 'Rita Rep', role: 'rep', via: 'session' });
    expect(result.sessionToken).toMatch(/^qa_s_[A-Za-z0-9_-]{43}$/);
    expect(sessions.sessions.has(hashSecret(result.sessionToken))).toBe(true);
    expect([...sessions.sessions.keys()]).not.toContain(result.sessionToken);
  });

  it('matches the e-mail without case or spaces', async () => {
    await expect(handler.execute(new LogInCommand('  REP@example.COM', 'demo', 'x'))).resolves.toBeDefined();
  });

  it('answers the same error for a wrong password and an unknown account, and still verifies a hash for the unknown one', async () => {
    const wrong = await handler.execute(new LogInCommand('rep@example.com', 'nope', 'x')).catch((e) => e);
    const unknown = await handler.execute(new LogInCommand('nobody@example.com', 'demo', 'x')).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(unknown).toBeInstanceOf(DomainError);
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(hasher.verifications).toBe(2);
    expect(sessions.sessions.size).toBe(0);
  });

  it('locks out after repeated failures, even with the right password, and the lock is per address', async () => {
    for (let i = 0; i < 3; i++) await handler.execute(new LogInCommand('rep@example.com', 'bad', '10.0.0.1')).catch(() => undefined);
    const locked = await handler.execute(new LogInCommand('rep@example.com', 'demo', '10.0.0.1')).catch((e) => e);
    expect(locked.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    await expect(handler.execute(new LogInCommand('rep@example.com', 'demo', '10.0.0.2'))).resolves.toBeDefined();
  });

  it('refuses a deactivated user', async () => {
    const user = (await users.findByEmail('rep@example.com'))!;
    user.active = false;
    const error = await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x')).catch((e) => e);
    expect(error.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('resolves the session token back to the caller until logout', async () => {
    const { sessionToken } = await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x'));
    const resolver = new ResolveCallerHandler(users, sessions, new NoTokens(), settings);
    await expect(resolver.execute({ credentials: { sessionToken } } as never)).resolves.toMatchObject({ email: 'rep@example.com' });
    await sessions.deleteByTokenHash(hashSecret(sessionToken));
    await expect(resolver.execute({ credentials: { sessionToken } } as never)).resolves.toBeNull();
    await expect(resolver.execute({ credentials: { sessionToken: 'qa_s_forged' } } as never)).resolves.toBeNull();
  });
});
