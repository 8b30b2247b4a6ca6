import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, ledgerHash, ledgerHashInput, LedgerEntry, type LedgerDraft } from './ledger';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const draft = (n: number, payload: Record<string, unknown> = { n }): LedgerDraft => ({
  eventId: `00000000-0000-7000-8000-00000000000${n}`,
  occurredAt: new Date(Date.UTC(2026, 11, 3, 10, 0, n)),
  kind: 'submitted',
  quoteId: 'q1',
  actorType: 'user',
  actorId: 'rep-1',
  payload,
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, leaves undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 'é', y: null })).toBe('{"x":"é","y":null}');
  });

  it('gives one text for one value, whatever order the keys were built in', () => {
    expect(canonicalJson({ steps: [{ groups: [{ mode: 'any', approverIds: ['m'] }] }], policyVersion: 3 })).toBe(
      canonicalJson({ policyVersion: 3, steps: [{ groups: [{ approverIds: ['m'], mode: 'any' }] }] }),
    );
  });
});

describe('ledger entries', () => {
  it('hash a JSON array of their content, the payload as its stored text', () => {
    const first = LedgerEntry.append(null, draft(1, { b: 2, a: 1 }), new Date('2026-12-03T10:00:05Z'), sha256);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, payload: '{"a":1,"b":2}' });
    expect(ledgerHashInput(first)).toBe(
      `[1,"00000000-0000-7000-8000-000000000001","2026-12-03T10:00:01.000Z","submitted","q1","user","rep-1","{\\"a\\":1,\\"b\\":2}","${GENESIS_HASH}"]`,
    );
    expect(first.hash).toBe(sha256(ledgerHashInput(first)));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('chain: each carries the previous hash and the next seq; the recorded time is not hashed', () => {
    const first = LedgerEntry.append(null, draft(1), new Date('2026-12-03T10:00:05Z'), sha256);
    const second = LedgerEntry.append(first, draft(2), new Date('2026-12-03T10:00:06Z'), sha256);
    expect([second.seq, second.prevHash]).toEqual([2, first.hash]);
    const recordedLater = LedgerEntry.append(first, draft(2), new Date('2027-01-01T00:00:00Z'), sha256);
    expect(recordedLater.hash).toBe(second.hash);
  });

  it('change hash with any hashed field', () => {
    const entry = LedgerEntry.append(null, draft(1), new Date(), sha256);
    const variants = [{ seq: 2 }, { eventId: 'x' }, { occurredAt: new Date(0) }, { kind: 'signed' as const }, { quoteId: null }, { actorType: 'system' }, { actorId: null }, { payload: '{"n":2}' }, { prevHash: '1'.repeat(64) }];
    for (const variant of variants) expect(ledgerHash({ ...entry, ...variant }, sha256)).not.toBe(entry.hash);
  });
});
