import { APPROVAL_LINK_TTL_MS, checkLinkHolder, type ApprovalLinkClaims } from '@qa/approvals-domain';
import { ManualClock } from '@qa/shared-kernel';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueApprovalLinks, newApprovalLinkId, readApprovalLink, signApprovalLink } from './approval-link-token';

const SECRET = 'spec-approval-link-secret-0123456789abcdef';
const claims: ApprovalLinkClaims = {
  linkId: 'AAAAAAAAAAAAAAAAAAAAAA',
  requestId: '0193a0b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b',
  round: 2,
  step: 1,
  approverId: '0193a0b2-1c3d-7e4f-8a9b-aaaaaaaaaaaa',
  action: 'approve',
  expiresAt: Date.parse('2026-12-06T09:00:00Z'),
};
const invalid = { code: 'APPROVALS.LINK_INVALID' };

/** The token's payload as JSON, and a token of `payload` with the original signature kept. */
const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const withPayload = (token: string, payload: unknown) => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${token.split('.')[1]}`;
/** A token of `payload` signed with the right secret: what only a holder of the secret could make. */
const signedRaw = (payload: string) => `${payload}.${createHmac('sha256', SECRET).update('quote-approvals/approval-link/v1\n').update(payload).digest('base64url')}`;

describe('approval link tokens', () => {
  it('reads back exactly what was signed, and is URL-safe', () => {
    const token = signApprovalLink(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readApprovalLink(token, SECRET)).toEqual(claims);
    expect(readApprovalLink(signApprovalLink({ ...claims, action: 'request_changes' }, SECRET), SECRET).action).toBe('request_changes');
  });

  it.each([
    ['id', 'BBBBBBBBBBBBBBBBBBBBBB'],
    ['rq', '0193a0b2-1c3d-7e4f-8a9b-0c1d2e3f4a5c'],
    ['rd', 3],
    ['st', 0],
    ['ap', '0193a0b2-1c3d-7e4f-8a9b-bbbbbbbbbbbb'],
    ['ac', 'c'],
    ['ex', Date.parse('2027-12-06T09:00:00Z')],
  ])('refuses a token whose %s was changed, keeping the signature', (field, value) => {
    const token = signApprovalLink(claims, SECRET);
    expect(() => readApprovalLink(withPayload(token, { ...payloadOf(token), [field]: value }), SECRET)).toThrow(expect.objectContaining(invalid));
  });

  it('refuses an approve link replayed as request changes (the signature is of the action too)', () => {
    const approve = signApprovalLink(claims, SECRET);
    const requestChanges = signApprovalLink({ ...claims, action: 'request_changes' }, SECRET);
    expect(() => readApprovalLink(`${requestChanges.split('.')[0]}.${approve.split('.')[1]}`, SECRET)).toThrow(expect.objectContaining(invalid));
  });

  it('refuses another secret, an altered signature, and anything that is not a token', () => {
    const token = signApprovalLink(claims, SECRET);
    expect(() => readApprovalLink(token, 'another-secret-of-at-least-thirty-two-chars')).toThrow(expect.objectContaining(invalid));
    const signature = token.split('.')[1]!;
    const flipped = `${token.split('.')[0]}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(() => readApprovalLink(flipped, SECRET)).toThrow(expect.objectContaining(invalid));
    for (const garbage of ['', 'abc', token.split('.')[0], `${token}.x`, `${token}=`, token.replace('.', '..'), 'a'.repeat(5000), 42, null, undefined, { token }]) {
      expect(() => readApprovalLink(garbage, SECRET)).toThrow(expect.objectContaining(invalid));
    }
  });

  it('refuses a well-signed payload of the wrong shape (defence in depth)', () => {
    const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const good = payloadOf(signApprovalLink(claims, SECRET));
    for (const payload of ['not json', 'null', '[]', { ...good, v: 2 }, { ...good, ac: 'x' }, { ...good, rd: 0 }, { ...good, st: -1 }, { ...good, st: 1.5 }, { ...good, ap: 'a b' }, { ...good, id: 'short' }, { ...good, ex: '1' }]) {
      expect(() => readApprovalLink(signedRaw(encode(payload)), SECRET)).toThrow(expect.objectContaining(invalid));
    }
    expect(readApprovalLink(signedRaw(encode(good)), SECRET)).toEqual(claims);
  });

  it('issues the two links of an e-mail with one fresh id, 72 hours from the clock', () => {
    const clock = new ManualClock('2026-12-03T09:00:00Z');
    const links = issueApprovalLinks({ requestId: claims.requestId, round: 2, step: 1, approverId: claims.approverId }, SECRET, clock.now());
    const approve = readApprovalLink(links.approve, SECRET);
    const requestChanges = readApprovalLink(links.requestChanges, SECRET);
    expect([approve.action, requestChanges.action]).toEqual(['approve', 'request_changes']);
    expect(approve.linkId).toBe(requestChanges.linkId);
    expect(approve.linkId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(links.expiresAt.toISOString()).toBe('2026-12-06T09:00:00.000Z');
    expect(approve.expiresAt).toBe(clock.now().getTime() + APPROVAL_LINK_TTL_MS);
    expect(newApprovalLinkId()).not.toBe(newApprovalLinkId());
  });

  it('holds for its approver until it expires by the clock; anyone else is refused first', () => {
    const clock = new ManualClock('2026-12-03T09:00:00Z');
    const read = readApprovalLink(signApprovalLink({ ...claims, expiresAt: clock.now().getTime() + APPROVAL_LINK_TTL_MS }, SECRET), SECRET);
    expect(() => checkLinkHolder(read, claims.approverId, clock.now())).not.toThrow();
    clock.advance(APPROVAL_LINK_TTL_MS - 1);
    expect(() => checkLinkHolder(read, claims.approverId, clock.now())).not.toThrow();
    expect(() => checkLinkHolder(read, 'someone-else', clock.now())).toThrow(expect.objectContaining({ code: 'APPROVALS.LINK_NOT_YOURS' }));
    clock.advance(1);
    expect(() => checkLinkHolder(read, claims.approverId, clock.now())).toThrow(expect.objectContaining({ code: 'APPROVALS.LINK_EXPIRED', details: { expiredAt: '2026-12-06T09:00:00.000Z' } }));
    // Whose it is comes first, even once it expired.
    expect(() => checkLinkHolder(read, 'someone-else', clock.now())).toThrow(expect.objectContaining({ code: 'APPROVALS.LINK_NOT_YOURS' }));
  });

  it('carries a stand-in’s "on behalf of" when there is one, signed like the rest', () => {
    const standIn = { ...claims, onBehalfOf: '0193a0b2-1c3d-7e4f-8a9b-bbbbbbbbbbbb' };
    const token = signApprovalLink(standIn, SECRET);
    expect(readApprovalLink(token, SECRET)).toEqual(standIn);
    expect(payloadOf(token)['ob']).toBe(standIn.onBehalfOf);
    expect('ob' in payloadOf(signApprovalLink(claims, SECRET))).toBe(false);
    // Someone else's place written in, or taken out, with the signature kept: refused.
    expect(() => readApprovalLink(withPayload(token, { ...payloadOf(token), ob: '0193a0b2-1c3d-7e4f-8a9b-cccccccccccc' }), SECRET)).toThrow(expect.objectContaining(invalid));
    const { ob: _ob, ...without } = payloadOf(token);
    expect(() => readApprovalLink(withPayload(token, without), SECRET)).toThrow(expect.objectContaining(invalid));
    // A correctly signed token whose stand-in is its own approver, or not an id: refused.
    const raw = (ob: unknown) => Buffer.from(JSON.stringify({ ...payloadOf(token), ob })).toString('base64url');
    expect(() => readApprovalLink(signedRaw(raw(claims.approverId)), SECRET)).toThrow(expect.objectContaining(invalid));
    expect(() => readApprovalLink(signedRaw(raw(42)), SECRET)).toThrow(expect.objectContaining(invalid));
  });
});
