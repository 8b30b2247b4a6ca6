import type { UserSummary } from '@qa/identity-contracts';
import type { Caller } from '@qa/shared-kernel';

/**
 * Reps see their own quotes only: to another rep a quote's approval answers 404, as the quote
 * itself does, so its existence is not given away (403 is for those who may see the quote).
 */
export const hidesQuoteFrom = (caller: Caller, quote: { ownerId: string; approverIds?: string[] }): boolean =>
  caller.role === 'rep' && caller.userId !== quote.ownerId && !quote.approverIds?.includes(caller.userId);

/** Approvers are active managers and admins. */
export const canApprove = (u: UserSummary): boolean => u.active && (u.role === 'manager' || u.role === 'admin');
