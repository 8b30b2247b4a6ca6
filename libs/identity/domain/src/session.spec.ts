import { describe, expect, it } from 'vitest';
import { Session } from './session';

const hour = 3_600_000;

describe('Session', () => {
  const start = new Date('2026-11-26T10:00:00Z');
  const open = () => Session.open({ id: 's1', tokenHash: 'h', userId: 'u1', ttlMs: 12 * hour, now: start });

  it('expires after its lifetime', () => {
    const session = open();
    expect(session.isExpired(new Date(start.getTime() + 12 * hour - 1))).toBe(false);
    expect(session.isExpired(new Date(start.getTime() + 12 * hour))).toBe(true);
  });

  it('slides only when less than half its lifetime is left', () => {
    const session = open();
    expect(session.touch(new Date(start.getTime() + 2 * hour), 12 * hour)).toBe(false);
    const later = new Date(start.getTime() + 7 * hour);
    expect(session.touch(later, 12 * hour)).toBe(true);
    expect(session.expiresAt.getTime()).toBe(later.getTime() + 12 * hour);
  });

  it('ends at its absolute lifetime however active it is, and never slides past it', () => {
    const session = Session.open({ id: 's1', tokenHash: 'h', userId: 'u1', ttlMs: 12 * hour, absoluteMs: 24 * hour, now: start });
    for (let h = 7; h < 24; h += 7) session.touch(new Date(start.getTime() + h * hour), 12 * hour, 24 * hour);
    expect(session.expiresAt.getTime()).toBe(start.getTime() + 24 * hour);
    expect(session.isExpired(new Date(start.getTime() + 24 * hour - 1), 24 * hour)).toBe(false);
    expect(session.isExpired(new Date(start.getTime() + 24 * hour), 24 * hour)).toBe(true);
    // A session stored before the cap (its expiry slid further) is refused all the same.
    session.expiresAt = new Date(start.getTime() + 40 * hour);
    expect(session.isExpired(new Date(start.getTime() + 25 * hour), 24 * hour)).toBe(true);
  });

  it('opens no longer than its absolute lifetime', () => {
    const session = Session.open({ id: 's1', tokenHash: 'h', userId: 'u1', ttlMs: 12 * hour, absoluteMs: 2 * hour, now: start });
    expect(session.expiresAt.getTime()).toBe(start.getTime() + 2 * hour);
  });
});
