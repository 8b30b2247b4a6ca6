import { beforeEach, describe, expect, it } from 'vitest';
import { User } from '@qa/identity-domain';
import { DomainError, ManualClock } from '@qa/shared-kernel';
import type { IdentitySettings } from '../../ports/identity.ports';
import { hashSecret } from '../../shared/secrets';
import { ResolveCallerHandler } from '../../queries/resolve-caller/resolve-caller.handler';
import { CountingLimiter, MemorySessions, MemoryTokens, MemoryUsers, PlainHasher } from '../../testing/in-memory-identity';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

const hour = 3_600_000;

describe('LogInHandler', () => {
  let users: MemoryUsers;
  let sessions: MemorySessions;
  let hasher: PlainHasher;
  let limiter: CountingLimiter;
  let clock: ManualClock;
  let handler: LogInHandler;
  const settings: IdentitySettings = { sessionTtlMs: hour, sessionAbsoluteMs: 4 * hour };

  beforeEach(async () => {
    users = new MemoryUsers();
    sessions = new MemorySessions(users);
    hasher = new PlainHasher();
    limiter = new CountingLimiter(3, 5);
    clock = new ManualClock('2026-11-26T10:00:00Z');
    handler = new LogInHandler(users, sessions, hasher, limiter, settings, clock);
    await users.save(User.create({ email: 'Rep@Example.com ', name: 'Rita Rep', role: 'rep', passwordHash: 'plain:demo' }));
  });

  const resolver = () => new ResolveCallerHandler(users, sessions, new MemoryTokens(), settings, clock);

  it('opens a session for the right password, storing only the token hash', async () => {
    const result = await handler.execute(new LogInCommand('rep@example.com', 'demo', '127.0.0.1'));
    expect(result.caller).toMatchObject({ email: 'rep@example.com', name: 'Rita Rep', role: 'rep', via: 'session' });
    expect(result.sessionToken).toMatch(/^qa_s_[A-Za-z0-9_-]{43}$/);
    expect(sessions.sessions.has(hashSecret(result.sessionToken))).toBe(true);
    expect([...sessions.sessions.keys()]).not.toContain(result.sessionToken);
    expect(result.expiresAt).toEqual(new Date(clock.now().getTime() + hour));
  });

  it('matches the e-mail without case or spaces', async () => {
    const result = await handler.execute(new LogInCommand('  REP@example.COM', 'demo', 'x'));
    expect(result.caller).toMatchObject({ email: 'rep@example.com', role: 'rep', via: 'session' });
    expect(sessions.sessions.has(hashSecret(result.sessionToken))).toBe(true);
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

  it('locks the account out after repeated failures, even with the right password and from another address', async () => {
    for (let i = 0; i < 3; i++) await handler.execute(new LogInCommand('rep@example.com', 'bad', `10.0.0.${i}`)).catch(() => undefined);
    const locked = await handler.execute(new LogInCommand('rep@example.com', 'demo', '10.0.0.99')).catch((e) => e);
    expect(locked.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(locked.details).toEqual({ retryAfterSeconds: 900 });
    expect(hasher.verifications).toBe(3);
  });

  it('locks an address out after failures across accounts', async () => {
    for (let i = 0; i < 5; i++) await handler.execute(new LogInCommand(`user${i}@example.com`, 'bad', '10.0.0.1')).catch(() => undefined);
    const locked = await handler.execute(new LogInCommand('rep@example.com', 'demo', '10.0.0.1')).catch((e) => e);
    expect(locked.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    await expect(handler.execute(new LogInCommand('rep@example.com', 'demo', '10.0.0.2'))).resolves.toMatchObject({ caller: { email: 'rep@example.com', via: 'session' } });
  });

  it('forgets the account failures after a right password', async () => {
    for (let i = 0; i < 2; i++) await handler.execute(new LogInCommand('rep@example.com', 'bad', 'x')).catch(() => undefined);
    await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x'));
    for (let i = 0; i < 2; i++) await handler.execute(new LogInCommand('rep@example.com', 'bad', 'x')).catch(() => undefined);
    await expect(handler.execute(new LogInCommand('rep@example.com', 'demo', 'x'))).resolves.toMatchObject({ caller: { email: 'rep@example.com', via: 'session' } });
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const user = (await users.findByEmail('rep@example.com'))!;
    user.deactivate('admin-1');
    const error = await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x')).catch((e) => e);
    expect(error).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong e-mail or password', details: {} });
    expect(sessions.sessions.size).toBe(0);
  });

  it('resolves the session token back to the caller until logout', async () => {
    const { sessionToken } = await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x'));
    await expect(resolver().execute({ credentials: { sessionToken } } as never)).resolves.toMatchObject({ email: 'rep@example.com' });
    await sessions.deleteByTokenHash(hashSecret(sessionToken));
    await expect(resolver().execute({ credentials: { sessionToken } } as never)).resolves.toBeNull();
    await expect(resolver().execute({ credentials: { sessionToken: 'qa_s_forged' } } as never)).resolves.toBeNull();
  });

  it('ends a session at its absolute lifetime even while it is used', async () => {
    const { sessionToken } = await handler.execute(new LogInCommand('rep@example.com', 'demo', 'x'));
    for (let minutes = 40; minutes < 240; minutes += 40) {
      clock.advance(40 * 60_000);
      await expect(resolver().execute({ credentials: { sessionToken } } as never), `after ${minutes} min`).resolves.toMatchObject({ email: 'rep@example.com' });
    }
    clock.set(new Date(Date.parse('2026-11-26T10:00:00Z') + 4 * hour));
    await expect(resolver().execute({ credentials: { sessionToken } } as never)).resolves.toBeNull();
  });
});
