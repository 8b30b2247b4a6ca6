import { ApiToken } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryTokens } from '../../testing/in-memory-identity';
import { ListApiTokensQuery } from './list-api-tokens.query';
import { ListApiTokensHandler } from './list-api-tokens.handler';

describe('ListApiTokensHandler', () => {
  it('lists the caller’s active tokens without their hashes; revoked, expired and others’ left out', async () => {
    const clock = new ManualClock('2026-11-26T10:00:00Z');
    const tokens = new MemoryTokens();
    const issue = (id: string, userId: string, lifetimeDays = 90) => ApiToken.issue({ id, userId, name: id, tokenHash: `hash-${id}`, prefix: 'qa_t_abcd', now: new Date('2026-11-01T00:00:00Z'), lifetimeDays });
    const revoked = issue('revoked', 'user-1');
    revoked.revoke(clock.now());
    for (const t of [issue('active', 'user-1'), revoked, issue('expired', 'user-1', 7), issue('theirs', 'user-2')]) await tokens.save(t);
    expect(await new ListApiTokensHandler(tokens, clock).execute(new ListApiTokensQuery('user-1'))).toEqual([
      { id: 'active', name: 'active', prefix: 'qa_t_abcd', createdAt: new Date('2026-11-01T00:00:00Z'), expiresAt: new Date('2027-01-30T00:00:00Z'), lastUsedAt: null },
    ]);
  });
});
