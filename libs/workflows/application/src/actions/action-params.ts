import { ActionFailure } from './action-failure';
import type { ActionContext } from './workflow-action';

/** `owner` (the record's owner), `approver` (the record's approver property) or a user id. */
export function resolveUser(who: unknown, ctx: ActionContext, param: string): string {
  const value = typeof who === 'string' ? who : '';
  // "approvers" where the record names no list of approvers means its approver: never a user id.
  const id = value === 'owner' ? ctx.record['ownerId'] : value === 'approver' || value === 'approvers' ? ctx.record['approver'] : value;
  if (typeof id !== 'string' || !id) throw new ActionFailure(`${param}: "${value}" names nobody on this record`);
  return id;
}

export function daysFromNow(days: unknown): string | null {
  const n = Number(days);
  if (days === undefined || days === null || days === '' || !Number.isFinite(n)) return null;
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}
