import type { Caller } from './access';
import type { IntegrationEvent } from './integration-event';

/**
 * Who may see an integration event in their live feed. Identity's events (users, API tokens) go to
 * admins and to whoever acted. Otherwise managers and admins see everything; a rep
 * sees what they did and what concerns them, by the payload fields every context uses for people:
 * `ownerId`, `assigneeId`, `recipientUserId`, `creatorId`.
 */
export function canSeeEvent(caller: Caller, event: IntegrationEvent<unknown>): boolean {
  // Accounts and tokens (identity's events) are admins' business, and the person's own doing.
  if (event.name.startsWith('identity.')) return caller.role === 'admin' || (event.actor.type === 'user' && event.actor.id === caller.userId);
  if (caller.role === 'manager' || caller.role === 'admin') return true;
  if (event.actor.type === 'user' && event.actor.id === caller.userId) return true;
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  return ['ownerId', 'assigneeId', 'recipientUserId', 'creatorId'].some((field) => payload[field] === caller.userId);
}
