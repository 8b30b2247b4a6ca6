import { GENESIS_HASH, ledgerHash, type LedgerContent, type Sha256 } from './ledger';

/** An entry as the verifier reads it: its content and its stored hash. */
export type LedgerRow = LedgerContent & { hash: string };

export type LedgerProblem = 'changed' | 'removed' | 'inserted';

/**
 * Why the verifier names the problem (codes, for people to read in words):
 * hash-mismatch: the row's content does not hash to its stored hash;
 * seq-gap: seq numbers are missing before this row;
 * shifted: the row's content hashes right under a neighbouring seq (rows were renumbered);
 * broken-link: the row's previous hash is not the previous row's hash.
 */
export type LedgerProblemReason = 'hash-mismatch' | 'seq-gap' | 'shifted' | 'broken-link';

export type LedgerVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; seq: number; problem: LedgerProblem; reason: LedgerProblemReason; eventId: string | null; checked: number };

/**
 * Walks the ledger in seq order (fed a page at a time) and names the FIRST problem.
 *
 * Rules, for each row against the last row accepted (seq 0 and 64 zeros before the first):
 * 1. The row's content (seq included) does not hash to its stored hash:
 *    - it hashes right under seq − 1: the rows from here on were moved up one to make room for a
 *      row: `inserted` at seq − 1 (the row now there is the one slipped in);
 *    - under seq + 1: they were moved down one to close a hole: `removed` at this seq;
 *    - it follows the last row (next seq, previous hash linked): it was edited in place: `changed`;
 *    - seq numbers are missing before it: `removed`, naming the first missing seq;
 *    - otherwise (not linked to the row before it, and not what its hash says): a row written in
 *      by hand, e.g. copied from another: `inserted` at this seq.
 * 2. Its seq is more than one past the last row's: `removed`, naming the first missing seq.
 * 3. Its previous hash is not the last row's hash (a row that was not appended after the row before
 *    it): decided by the row after it. When that row links to this one (the chain goes on through
 *    it), the row before was rewritten with a recomputed hash: `changed` at the previous seq;
 *    otherwise (the last row, or the next one does not link to it) this row was written in by
 *    hand: `inserted` at this seq.
 * A hash chain without a secret cannot see a forged row appended at the very end with a correct
 * link, nor the last rows removed: compare `lastHash` and `entries` with a copy kept elsewhere
 * (an earlier verify or export) for that.
 */
export class LedgerVerifier {
  private last: { seq: number; hash: string; eventId: string | null } = { seq: 0, hash: GENESIS_HASH, eventId: null };
  private entries = 0;
  private pendingBreak: { previous: { seq: number; eventId: string | null }; row: LedgerRow } | null = null;
  private verdict: LedgerVerdict | null = null;

  constructor(private readonly sha256: Sha256) {}

  /** Feeds the next row; returns the verdict once a problem is found (later rows are then ignored). */
  feed(row: LedgerRow): LedgerVerdict | null {
    if (this.verdict) return this.verdict;
    if (this.pendingBreak) {
      const { previous, row: suspect } = this.pendingBreak;
      const goesOn = row.prevHash === suspect.hash && row.seq === suspect.seq + 1 && this.hashOf(row, row.seq) === row.hash;
      return (this.verdict = goesOn ? this.fail(previous.seq, 'changed', 'broken-link', previous.eventId) : this.fail(suspect.seq, 'inserted', 'broken-link', suspect.eventId));
    }
    if (this.hashOf(row, row.seq) !== row.hash) {
      if (this.hashOf(row, row.seq - 1) === row.hash) return (this.verdict = this.fail(row.seq - 1, 'inserted', 'shifted', null));
      if (this.hashOf(row, row.seq + 1) === row.hash) return (this.verdict = this.fail(row.seq, 'removed', 'shifted', null));
      if (row.seq === this.last.seq + 1 && row.prevHash === this.last.hash) return (this.verdict = this.fail(row.seq, 'changed', 'hash-mismatch', row.eventId));
      if (row.seq > this.last.seq + 1) return (this.verdict = this.fail(this.last.seq + 1, 'removed', 'seq-gap', null));
      return (this.verdict = this.fail(row.seq, 'inserted', 'broken-link', row.eventId));
    }
    if (row.seq > this.last.seq + 1) return (this.verdict = this.fail(this.last.seq + 1, 'removed', 'seq-gap', null));
    if (row.prevHash !== this.last.hash) {
      this.pendingBreak = { previous: this.last, row };
      return null;
    }
    this.last = { seq: row.seq, hash: row.hash, eventId: row.eventId };
    this.entries += 1;
    return null;
  }

  /** The verdict after the last row. */
  finish(): LedgerVerdict {
    if (this.verdict) return this.verdict;
    if (this.pendingBreak) return (this.verdict = this.fail(this.pendingBreak.row.seq, 'inserted', 'broken-link', this.pendingBreak.row.eventId));
    return { ok: true, entries: this.entries, lastHash: this.last.hash };
  }

  private hashOf(row: LedgerRow, seq: number): string {
    return ledgerHash({ ...row, seq }, this.sha256);
  }

  private fail(seq: number, problem: LedgerProblem, reason: LedgerProblemReason, eventId: string | null): LedgerVerdict {
    return { ok: false, seq, problem, reason, eventId, checked: this.entries };
  }
}

/** Verifies a whole ledger held in memory (tests, small ledgers). */
export function verifyLedger(rows: Iterable<LedgerRow>, sha256: Sha256): LedgerVerdict {
  const verifier = new LedgerVerifier(sha256);
  for (const row of rows) if (verifier.feed(row)) break;
  return verifier.finish();
}
