import { ApiToken, Session, User } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../shared/secrets';
import { MemorySessions, MemoryTokens, MemoryUsers } from '../../testing/in-memory-identity';
import { ResolveCallerQuery } from './resolve-caller.query';
import { ResolveCallerHandler } from './resolve-caller.handler';

const hour = 3_600_000;

describe('ResolveCallerHandler', () => {
  let clock: ManualClock;
  let users: MemoryUsers;
  let sessions: MemorySessions;
  let tokens: MemoryTokens;
  let handler: ResolveCallerHandler;
  let rep: User;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T10:00:00Z');
    users = new MemoryUsers();
    sessions = new MemorySessions(users);
    tokens = new MemoryTokens();
    handler = new ResolveCallerHandler(users, sessions, tokens, { sessionTtlMs: hour, sessionAbsoluteMs: 4 * hour }, clock);
    rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    await users.save(rep);
    await sessions.save(Session.open({ id: 's1', tokenHash: hashSecret('qa_s_rita'), userId: rep.id, ttlMs: hour, now: clock.now() }));
    await tokens.save(ApiToken.issue({ id: 't1', userId: rep.id, name: 'script', tokenHash: hashSecret('qa_t_rita'), prefix: 'qa_t_rita', now: clock.now() }));
  });

  it('answers who is behind a session cookie or a bearer token', async () => {
    expect(await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_rita' }))).toEqual({ userId: rep.id, email: 'rep@example.com', name: 'Rita', role: 'rep', via: 'session' });
    expect(await handler.execute(new ResolveCallerQuery({ bearerToken: 'qa_t_rita' }))).toMatchObject({ userId: rep.id, via: 'api-token' });
    expect(await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_unknown' }))).toBeNull();
    expect(await handler.execute(new ResolveCallerQuery({}))).toBeNull();
  });

  it('slides the session with use, but not on a check on the person’s behalf (touch: false)', async () => {
    clock.advance(50 * 60_000);
    await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_rita' }, { touch: false }));
    clock.advance(20 * 60_000);
    expect(await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_rita' }))).toBeNull();

    await sessions.save(Session.open({ id: 's2', tokenHash: hashSecret('qa_s_again'), userId: rep.id, ttlMs: hour, now: clock.now() }));
    clock.advance(50 * 60_000);
    await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_again' }));
    clock.advance(20 * 60_000);
    expect(await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_again' }))).toMatchObject({ userId: rep.id });
  });

  it('answers null for a deactivated user and a revoked token', async () => {
    tokens.tokens.get('t1')!.revoke(clock.now());
    expect(await handler.execute(new ResolveCallerQuery({ bearerToken: 'qa_t_rita' }))).toBeNull();
    rep.active = false;
    expect(await handler.execute(new ResolveCallerQuery({ sessionToken: 'qa_s_rita' }))).toBeNull();
  });
});
