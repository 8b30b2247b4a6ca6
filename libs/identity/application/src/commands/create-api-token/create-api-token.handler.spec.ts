import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../shared/secrets';
import { MemoryTokens } from '../../testing/in-memory-identity';
import { CreateApiTokenCommand } from './create-api-token.command';
import { CreateApiTokenHandler } from './create-api-token.handler';

describe('CreateApiTokenHandler', () => {
  it('returns the secret once and stores only its hash, with the lifetime asked for', async () => {
    const tokens = new MemoryTokens();
    const clock = new ManualClock('2026-11-26T10:00:00Z');
    const created = await new CreateApiTokenHandler(tokens, clock).execute(new CreateApiTokenCommand('user-1', ' CI script ', 30));
    expect(created.token).toMatch(/^qa_t_[A-Za-z0-9_-]{43}$/);
    expect([created.name, created.prefix, created.createdAt, created.expiresAt]).toEqual(['CI script', created.token.slice(0, 9), clock.now(), new Date('2026-12-26T10:00:00Z')]);
    const stored = tokens.tokens.get(created.id)!;
    expect([stored.userId, stored.tokenHash, JSON.stringify(stored).includes(created.token)]).toEqual(['user-1', hashSecret(created.token), false]);
  });

  it('refuses a lifetime out of range, storing nothing', async () => {
    const tokens = new MemoryTokens();
    await expect(new CreateApiTokenHandler(tokens, new ManualClock()).execute(new CreateApiTokenCommand('user-1', 'x', 0))).rejects.toThrow(RangeError);
    expect(tokens.tokens.size).toBe(0);
  });
});
