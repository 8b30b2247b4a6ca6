// The Approve and Request changes links of an approval e-mail: what a signed link claims, how long
// it holds, whether the round still lets it decide, and the record that it was used (once). Signing
// and checking the signature is the application's (HMAC, node:crypto); this file has no I/O.
import { ApprovalErrors } from './approval.errors';
import type { ApprovalRequest } from './approval-request';

export const APPROVAL_LINK_ACTIONS = ['approve', 'request_changes'] as const;
export type ApprovalLinkAction = (typeof APPROVAL_LINK_ACTIONS)[number];

/** A link holds for 72 hours after the e-mail was made (by the Clock). */
export const APPROVAL_LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** What a signed link says: whose it is, which round and step, what it does, until when. */
export interface ApprovalLinkClaims {
  /** Random, 128 bits. The two buttons of one e-mail share it: one of them decides, once. */
  linkId: string;
  requestId: string;
  round: number;
  /** The step (0-based) whose approvers the e-mail went to. */
  step: number;
  /** The one approver who may use it. */
  approverId: string;
  /** Sent to a stand-in (a delegate, or the fallback approver) of this approver out of office: the link decides in their place. Absent: the approver's own place. */
  onBehalfOf?: string;
  action: ApprovalLinkAction;
  /** Milliseconds since 1970 (UTC). */
  expiresAt: number;
}

/**
 * The checks that need no database, in the order people may learn about them: whose link it is
 * first (anyone else learns nothing about the round), then whether it is past its time.
 */
export function checkLinkHolder(claims: ApprovalLinkClaims, callerId: string, now: Date): void {
  if (claims.approverId !== callerId) throw ApprovalErrors.linkNotYours();
  if (now.getTime() >= claims.expiresAt) throw ApprovalErrors.linkExpired(new Date(claims.expiresAt).toISOString());
}

/**
 * Whether the round still waits for this link's approver at this link's step: the round is the
 * link's and pending, its step is the current one, and the approver has not decided there (on the
 * approval page, say). A stand-in's link (`onBehalfOf`): the place of the approver they stand in
 * for still waits, and the stand-in neither owns nor submitted the quote (whether their delegation
 * still holds is the decision's check). Otherwise the link is void: it decides nothing.
 */
export function linkIsOpen(request: ApprovalRequest | null, claims: ApprovalLinkClaims): request is ApprovalRequest {
  if (!request || request.id !== claims.requestId || request.round !== claims.round || request.status !== 'pending' || request.currentStep !== claims.step) return false;
  if (claims.onBehalfOf === undefined) return request.awaitsDecisionFrom({ id: claims.approverId, eligible: true });
  return claims.approverId !== request.ownerId && claims.approverId !== request.submittedBy && request.placeOpen(claims.onBehalfOf);
}

/** Throws APPROVALS.LINK_VOID unless the round still waits for this link (see linkIsOpen). */
export function checkLinkOpen(request: ApprovalRequest | null, claims: ApprovalLinkClaims): asserts request is ApprovalRequest {
  if (!linkIsOpen(request, claims)) throw ApprovalErrors.linkVoid();
}

/** A link that decided: written in the same transaction as the decision; its id is unique. */
export class ApprovalLinkUse {
  linkId!: string;
  requestId!: string;
  approverId!: string;
  step!: number;
  action!: ApprovalLinkAction;
  usedAt!: Date;

  static of(claims: ApprovalLinkClaims, now: Date): ApprovalLinkUse {
    return Object.assign(new ApprovalLinkUse(), { linkId: claims.linkId, requestId: claims.requestId, approverId: claims.approverId, step: claims.step, action: claims.action, usedAt: now });
  }
}
