import { describe, expect, it } from 'vitest';
import type { Caller } from './access';
import { canSeeEvent } from './event-visibility';
import type { IntegrationEvent } from './integration-event';

const caller = (role: Caller['role'], userId = 'u-rep'): Caller => ({ userId, role, email: 'x@example.com', name: 'X', via: 'session' });
const event = (payload: Record<string, unknown>, actorId: string | null = 'u-other'): IntegrationEvent => ({
  id: 'e1',
  name: 'quotes.quote.submitted.v1',
  occurredAt: '2026-11-26T00:00:00.000Z',
  aggregateType: 'quote',
  aggregateId: 'q1',
  aggregateVersion: 2,
  actor: { type: actorId ? 'user' : 'system', id: actorId },
  correlationId: 'c1',
  payload,
});

describe('canSeeEvent', () => {
  it('shows managers and admins every event', () => {
    expect(canSeeEvent(caller('manager'), event({ ownerId: 'someone' }))).toBe(true);
    expect(canSeeEvent(caller('admin'), event({}))).toBe(true);
  });

  it('shows a rep the events of their own records and actions', () => {
    expect(canSeeEvent(caller('rep'), event({ ownerId: 'u-rep' }))).toBe(true);
    expect(canSeeEvent(caller('rep'), event({ assigneeId: 'u-rep' }))).toBe(true);
    expect(canSeeEvent(caller('rep'), event({ recipientUserId: 'u-rep' }))).toBe(true);
    expect(canSeeEvent(caller('rep'), event({}, 'u-rep'))).toBe(true);
  });

  it("hides other people's records from a rep", () => {
    expect(canSeeEvent(caller('rep'), event({ ownerId: 'u-rep2' }))).toBe(false);
    expect(canSeeEvent(caller('rep'), event({}, null))).toBe(false);
  });

  it('shows identity events (users, API tokens) to admins and to whoever acted, not to managers or other reps', () => {
    const deactivated = { ...event({ userId: 'u-rep', email: 'rep@example.com', role: 'rep', active: false }, 'u-admin'), name: 'identity.user.deactivated.v1' as const };
    expect(canSeeEvent(caller('admin', 'u-admin'), deactivated)).toBe(true);
    expect(canSeeEvent(caller('manager', 'u-manager'), deactivated)).toBe(false);
    expect(canSeeEvent(caller('rep', 'u-rep'), deactivated)).toBe(false);
    const tokenCreated = { ...event({ tokenId: 't1', userId: 'u-rep', name: 'CI' }, 'u-rep'), name: 'identity.api-token.created.v1' as const };
    expect(canSeeEvent(caller('rep', 'u-rep'), tokenCreated)).toBe(true);
    expect(canSeeEvent(caller('manager', 'u-manager'), tokenCreated)).toBe(false);
  });
});
