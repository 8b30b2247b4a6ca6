import { describe, expect, it } from 'vitest';
import { ApiToken } from './api-token';

const day = 86_400_000;
const now = new Date('2026-11-26T10:00:00Z');
const issue = (lifetimeDays?: number) => ApiToken.issue({ id: 't1', userId: 'u1', name: 'CI', tokenHash: 'h', prefix: 'qa_t_abcd', now, lifetimeDays });

describe('ApiToken', () => {
  it('lives 90 days by default and the chosen number of days otherwise, at most 365', () => {
    expect(issue().expiresAt.getTime()).toBe(now.getTime() + 90 * day);
    expect(issue(7).expiresAt.getTime()).toBe(now.getTime() + 7 * day);
    expect(issue(365).expiresAt.getTime()).toBe(now.getTime() + 365 * day);
    expect(() => issue(366)).toThrow(RangeError);
    expect(() => issue(0)).toThrow(RangeError);
    expect(() => issue(1.5)).toThrow(RangeError);
  });

  it('stops being active when it expires or is revoked', () => {
    const token = issue(7);
    expect(token.isActive(new Date(now.getTime() + 7 * day - 1))).toBe(true);
    expect(token.isActive(new Date(now.getTime() + 7 * day))).toBe(false);
    const revoked = issue(7);
    revoked.revoke(new Date(now.getTime() + 1000));
    expect(revoked.isActive(new Date(now.getTime() + 2000))).toBe(false);
  });

  it('records its last use at most once a minute', () => {
    const token = issue();
    expect(token.markUsed(new Date(now.getTime() + 1000))).toBe(true);
    expect(token.markUsed(new Date(now.getTime() + 30_000))).toBe(false);
    expect(token.lastUsedAt).toEqual(new Date(now.getTime() + 1000));
    expect(token.markUsed(new Date(now.getTime() + 61_000))).toBe(true);
    expect(token.lastUsedAt).toEqual(new Date(now.getTime() + 61_000));
  });
});
