import { ApiToken, Session, User } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResolveCallerHandler } from '../../queries/resolve-caller/resolve-caller.handler';
import { hashSecret } from '../../shared/secrets';
import { MemorySessions, MemoryTokens, MemoryUsers } from '../../testing/in-memory-identity';
import { ReactivateUserHandler } from '../reactivate-user/reactivate-user.handler';
import { DeactivateUserCommand } from './deactivate-user.command';
import { DeactivateUserHandler } from './deactivate-user.handler';

describe('DeactivateUserHandler', () => {
  const clock = new ManualClock('2026-11-26T10:00:00Z');
  const settings = { sessionTtlMs: 3_600_000, sessionAbsoluteMs: 86_400_000 };
  let users: MemoryUsers;
  let sessions: MemorySessions;
  let tokens: MemoryTokens;
  let admin: User;
  let rep: User;

  beforeEach(async () => {
    users = new MemoryUsers();
    sessions = new MemorySessions(users);
    tokens = new MemoryTokens();
    admin = User.create({ email: 'admin@example.com', name: 'Ada', role: 'admin', passwordHash: 'x' });
    rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    for (const user of [admin, rep]) await users.save(user);
    for (const user of [admin, rep]) {
      await sessions.save(Session.open({ id: `s-${user.id}`, tokenHash: hashSecret(`qa_s_${user.email}`), userId: user.id, ttlMs: 3_600_000, now: clock.now() }));
      await tokens.save(ApiToken.issue({ id: `t-${user.id}`, userId: user.id, name: 'script', tokenHash: hashSecret(`qa_t_${user.email}`), prefix: 'qa_t_', now: clock.now() }));
    }
  });

  const resolve = (credentials: { sessionToken?: string; bearerToken?: string }) => new ResolveCallerHandler(users, sessions, tokens, settings, clock).execute({ credentials } as never);

  it('ends the user’s sessions and API tokens at once, and only theirs', async () => {
    const result = await new DeactivateUserHandler(users, sessions, tokens, clock).execute(new DeactivateUserCommand(admin.id, rep.id));
    expect(result).toEqual({ id: rep.id, email: 'rep@example.com', name: 'Rita', role: 'rep', active: false, team: null, reportsTo: null });
    expect([...sessions.sessions.values()].map((s) => s.userId)).toEqual([admin.id]);
    expect(tokens.tokens.get(`t-${rep.id}`)?.revokedAt).toEqual(clock.now());
    expect(tokens.tokens.get(`t-${admin.id}`)?.revokedAt).toBeNull();
    await expect(resolve({ sessionToken: 'qa_s_rep@example.com' })).resolves.toBeNull();
    await expect(resolve({ bearerToken: 'qa_t_rep@example.com' })).resolves.toBeNull();
    await expect(resolve({ bearerToken: 'qa_t_admin@example.com' })).resolves.toMatchObject({ userId: admin.id });
  });

  it('does not bring old credentials back on reactivation', async () => {
    await new DeactivateUserHandler(users, sessions, tokens, clock).execute(new DeactivateUserCommand(admin.id, rep.id));
    await new ReactivateUserHandler(users).execute({ userId: rep.id } as never);
    expect(rep.active).toBe(true);
    await expect(resolve({ sessionToken: 'qa_s_rep@example.com' })).resolves.toBeNull();
    await expect(resolve({ bearerToken: 'qa_t_rep@example.com' })).resolves.toBeNull();
  });

  it('refuses an unknown user and the admin themselves, changing nothing', async () => {
    const handler = new DeactivateUserHandler(users, sessions, tokens, clock);
    await expect(handler.execute(new DeactivateUserCommand(admin.id, 'nobody'))).rejects.toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
    await expect(handler.execute(new DeactivateUserCommand(admin.id, admin.id))).rejects.toMatchObject({ code: 'IDENTITY.CANNOT_CHANGE_SELF' });
    expect(admin.active).toBe(true);
    expect(sessions.sessions.size).toBe(2);
  });
});
