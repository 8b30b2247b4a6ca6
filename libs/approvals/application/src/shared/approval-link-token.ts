// The signed token of an approval e-mail's link: the claims (libs/approvals/domain approval-link.ts)
// as base64url JSON, a dot, and an HMAC-SHA256 of them under APPROVAL_LINK_SECRET (base64url).
// Anything else, or any change to a byte of it, is APPROVALS.LINK_INVALID, with no detail.
import { APPROVAL_LINK_ACTIONS, APPROVAL_LINK_TTL_MS, ApprovalErrors, type ApprovalLinkAction, type ApprovalLinkClaims } from '@qa/approvals-domain';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Binds a signature to this use (not some other HMAC made with the same secret) and version. */
const PURPOSE = 'quote-approvals/approval-link/v1\n';
/** base64url payload, a dot, a 32-byte HMAC in base64url (43 characters). */
const TOKEN = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/;
/** Ids in a link: uuids, and the test fixtures' `manager-1`. */
const ID = /^[A-Za-z0-9-]{1,64}$/;
const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

/** The token on the wire: short keys, the action as one letter. */
interface WireClaims {
  v: 1;
  id: string;
  rq: string;
  rd: number;
  st: number;
  ap: string;
  /** On behalf of (a stand-in's link); absent: the approver's own place. */
  ob?: string;
  ac: 'a' | 'c';
  ex: number;
}

const ACTION_LETTER: Record<ApprovalLinkAction, WireClaims['ac']> = { approve: 'a', request_changes: 'c' };

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(PURPOSE).update(payload).digest('base64url');
}

/** A fresh link id: 128 random bits (the two buttons of one e-mail share it). */
export function newApprovalLinkId(): string {
  return randomBytes(16).toString('base64url');
}

export function signApprovalLink(claims: ApprovalLinkClaims, secret: string): string {
  const wire: WireClaims = {
    v: 1,
    id: claims.linkId,
    rq: claims.requestId,
    rd: claims.round,
    st: claims.step,
    ap: claims.approverId,
    ...(claims.onBehalfOf !== undefined ? { ob: claims.onBehalfOf } : {}),
    ac: ACTION_LETTER[claims.action],
    ex: claims.expiresAt,
  };
  const payload = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * The claims of a token this app signed, checked before anything is read from them (constant-time
 * comparison); APPROVALS.LINK_INVALID otherwise. Says nothing about whose it is or whether it
 * expired: see checkLinkHolder.
 */
export function readApprovalLink(token: unknown, secret: string): ApprovalLinkClaims {
  const match = typeof token === 'string' ? TOKEN.exec(token) : null;
  if (!match) throw ApprovalErrors.linkInvalid();
  const [, payload = '', signature = ''] = match;
  const expected = Buffer.from(mac(payload, secret), 'ascii');
  const given = Buffer.from(signature, 'ascii');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw ApprovalErrors.linkInvalid();
  let wire: Partial<WireClaims>;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<WireClaims>;
  } catch {
    throw ApprovalErrors.linkInvalid();
  }
  const action = APPROVAL_LINK_ACTIONS.find((a) => ACTION_LETTER[a] === wire?.ac);
  const valid =
    typeof wire === 'object' &&
    wire !== null &&
    wire.v === 1 &&
    typeof wire.id === 'string' &&
    LINK_ID.test(wire.id) &&
    typeof wire.rq === 'string' &&
    ID.test(wire.rq) &&
    typeof wire.ap === 'string' &&
    ID.test(wire.ap) &&
    (wire.ob === undefined || (typeof wire.ob === 'string' && ID.test(wire.ob) && wire.ob !== wire.ap)) &&
    Number.isSafeInteger(wire.rd) &&
    (wire.rd ?? 0) >= 1 &&
    Number.isSafeInteger(wire.st) &&
    (wire.st ?? -1) >= 0 &&
    Number.isSafeInteger(wire.ex) &&
    (wire.ex ?? 0) > 0 &&
    !!action;
  if (!valid || !action) throw ApprovalErrors.linkInvalid();
  return { linkId: wire.id!, requestId: wire.rq!, round: wire.rd!, step: wire.st!, approverId: wire.ap!, ...(wire.ob !== undefined ? { onBehalfOf: wire.ob } : {}), action, expiresAt: wire.ex! };
}

/** The two links of one approver's e-mail for a round's step (`onBehalfOf`: sent to a stand-in, in that approver's place): one id, 72 hours from `now`. */
export function issueApprovalLinks(
  target: { requestId: string; round: number; step: number; approverId: string; onBehalfOf?: string },
  secret: string,
  now: Date,
  linkId = newApprovalLinkId(),
): { approve: string; requestChanges: string; expiresAt: Date } {
  const expiresAt = now.getTime() + APPROVAL_LINK_TTL_MS;
  const claims = { ...target, linkId, expiresAt };
  return {
    approve: signApprovalLink({ ...claims, action: 'approve' }, secret),
    requestChanges: signApprovalLink({ ...claims, action: 'request_changes' }, secret),
    expiresAt: new Date(expiresAt),
  };
}
