import { Session } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../shared/secrets';
import { MemorySessions, MemoryUsers } from '../../testing/in-memory-identity';
import { LogOutCommand } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

describe('LogOutHandler', () => {
  it('ends the session of this token only', async () => {
    const sessions = new MemorySessions(new MemoryUsers());
    const now = new Date('2026-11-26T10:00:00Z');
    for (const token of ['qa_s_one', 'qa_s_two']) await sessions.save(Session.open({ id: token, tokenHash: hashSecret(token), userId: 'user-1', ttlMs: 3_600_000, now }));
    await new LogOutHandler(sessions).execute(new LogOutCommand('qa_s_one'));
    await new LogOutHandler(sessions).execute(new LogOutCommand('qa_s_unknown'));
    expect([...sessions.sessions.values()].map((s) => s.id)).toEqual(['qa_s_two']);
  });
});
