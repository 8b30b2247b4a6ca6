import { ApiToken } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryTokens } from '../../testing/in-memory-identity';
import { RevokeApiTokenCommand } from './revoke-api-token.command';
import { RevokeApiTokenHandler } from './revoke-api-token.handler';

describe('RevokeApiTokenHandler', () => {
  const clock = new ManualClock('2026-11-26T10:00:00Z');
  let tokens: MemoryTokens;

  beforeEach(async () => {
    tokens = new MemoryTokens();
    await tokens.save(ApiToken.issue({ id: 't1', userId: 'user-1', name: 'script', tokenHash: 'h1', prefix: 'qa_t_abcd', now: clock.now() }));
  });

  it('revokes the caller’s own token at the clock’s time', async () => {
    await new RevokeApiTokenHandler(tokens, clock).execute(new RevokeApiTokenCommand('user-1', 't1'));
    expect(tokens.tokens.get('t1')?.revokedAt).toEqual(clock.now());
  });

  it('answers someone else’s token, an unknown one and a revoked one as not found', async () => {
    const handler = new RevokeApiTokenHandler(tokens, clock);
    await expect(handler.execute(new RevokeApiTokenCommand('user-2', 't1'))).rejects.toMatchObject({ code: 'AUTH.API_TOKEN_NOT_FOUND' });
    await expect(handler.execute(new RevokeApiTokenCommand('user-1', 'nothing'))).rejects.toMatchObject({ code: 'AUTH.API_TOKEN_NOT_FOUND' });
    expect(tokens.tokens.get('t1')?.revokedAt).toBeNull();
    await handler.execute(new RevokeApiTokenCommand('user-1', 't1'));
    await expect(handler.execute(new RevokeApiTokenCommand('user-1', 't1'))).rejects.toMatchObject({ code: 'AUTH.API_TOKEN_NOT_FOUND' });
  });
});
