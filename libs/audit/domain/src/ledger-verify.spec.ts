import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, ledgerHash, LedgerEntry, type LedgerKind } from './ledger';
import { verifyLedger, type LedgerRow } from './ledger-verify';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const eventId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A valid chain of `count` entries. */
function chain(count: number): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (let n = 1; n <= count; n++) {
    const kind: LedgerKind = n % 2 ? 'submitted' : 'approved';
    rows.push(LedgerEntry.append(rows[rows.length - 1] ?? null, { eventId: eventId(n), occurredAt: new Date(Date.UTC(2026, 11, 3, 10, 0, n)), kind, quoteId: 'q1', actorType: 'user', actorId: 'u1', payload: { n } }, new Date(), sha256));
  }
  return rows;
}
/** A row a forger computed properly (its own hash valid). */
const forged = (seq: number, prevHash: string): LedgerRow => {
  const content = { seq, eventId: eventId(999), occurredAt: new Date(Date.UTC(2026, 11, 3, 11)), kind: 'approved' as const, quoteId: 'q1', actorType: 'user', actorId: 'mallory', payload: '{"n":999}', prevHash };
  return { ...content, hash: ledgerHash(content, sha256) };
};
const rehash = (row: LedgerRow): LedgerRow => ({ ...row, hash: ledgerHash(row, sha256) });

describe('verifying the ledger', () => {
  it('is OK for an intact chain, with the count and the last hash (and for an empty one)', () => {
    const rows = chain(5);
    expect(verifyLedger(rows, sha256)).toEqual({ ok: true, entries: 5, lastHash: rows[4].hash });
    expect(verifyLedger([], sha256)).toEqual({ ok: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('names a row edited in place as changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], payload: '{"n":300}' };
    expect(verifyLedger(rows, sha256)).toEqual({ ok: false, seq: 3, problem: 'changed', reason: 'hash-mismatch', eventId: eventId(3), checked: 2 });
  });

  it('names a row rewritten with its hash recomputed as changed (the next row no longer links to it)', () => {
    const rows = chain(5);
    rows[2] = rehash({ ...rows[2], actorId: 'mallory' });
    expect(verifyLedger(rows, sha256)).toMatchObject({ ok: false, seq: 3, problem: 'changed', reason: 'broken-link' });
  });

  it('names a removed row as removed, by its seq: a gap, or the rows after it moved down', () => {
    const rows = chain(5);
    expect(verifyLedger([...rows.slice(0, 2), ...rows.slice(3)], sha256)).toEqual({ ok: false, seq: 3, problem: 'removed', reason: 'seq-gap', eventId: null, checked: 2 });
    const closed = [...rows.slice(0, 2), ...rows.slice(3).map((r) => ({ ...r, seq: r.seq - 1 }))];
    expect(verifyLedger(closed, sha256)).toMatchObject({ ok: false, seq: 3, problem: 'removed', reason: 'shifted' });
  });

  it('names a row slipped in as inserted: at the end with a wrong link, or in between with the rows after it moved up', () => {
    const rows = chain(4);
    expect(verifyLedger([...rows, forged(5, rows[2].hash)], sha256)).toEqual({ ok: false, seq: 5, problem: 'inserted', reason: 'broken-link', eventId: eventId(999), checked: 4 });
    const between = [...rows.slice(0, 2), forged(3, rows[1].hash), ...rows.slice(2).map((r) => ({ ...r, seq: r.seq + 1 }))];
    expect(verifyLedger(between, sha256)).toMatchObject({ ok: false, seq: 3, problem: 'inserted', reason: 'shifted' });
    const copied = [...rows, { ...rows[1], seq: 5, eventId: eventId(999), prevHash: '1'.repeat(64) }];
    expect(verifyLedger(copied, sha256)).toEqual({ ok: false, seq: 5, problem: 'inserted', reason: 'broken-link', eventId: eventId(999), checked: 4 });
    const replaced = [...rows.slice(0, 2), forged(3, '1'.repeat(64)), rows[3]];
    expect(verifyLedger(replaced, sha256)).toMatchObject({ ok: false, seq: 3, problem: 'inserted', reason: 'broken-link' });
  });

  it('reports the first problem only', () => {
    const rows = chain(6);
    rows[4] = { ...rows[4], kind: 'signed' };
    rows[1] = { ...rows[1], quoteId: 'q2' };
    expect(verifyLedger(rows, sha256)).toMatchObject({ seq: 2, problem: 'changed' });
  });
});
