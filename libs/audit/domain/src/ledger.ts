// The approval ledger: an append-only, hash-chained record of what happened to quotes' approvals
// (submissions, resolved routes, decisions, delegations, escalations, reassignments, recalls,
// signatures, policy changes). Each entry carries the hash of the previous one, so an entry
// changed, removed or slipped in afterwards shows when the chain is walked (ledger-verify.ts).
// No I/O here: the SHA-256 function is passed in (the application's is node:crypto's).

export const LEDGER_KINDS = [
  'submitted',
  'route-resolved',
  'step-approved',
  'approved',
  'changes-requested',
  'delegated',
  'escalated',
  'reassigned',
  'recalled',
  'withdrawn',
  'signed',
  'policy-changed',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of a UTF-8 text, as 64 lowercase hex digits. */
export type Sha256 = (text: string) => string;

/** One ledger entry. `payload` is canonical JSON text: the bytes hashed are the bytes stored. */
export class LedgerEntry {
  /** 1, 2, 3, … without gaps. */
  seq!: number;
  /** The integration event it records: each event is appended once. */
  eventId!: string;
  occurredAt!: Date;
  /** When it was appended (not hashed: the chain is about what happened). */
  recordedAt!: Date;
  kind!: LedgerKind;
  quoteId!: string | null;
  actorType!: string;
  actorId!: string | null;
  payload!: string;
  prevHash!: string;
  hash!: string;

  /** The entry after `previous` (null: the first), its hash computed. */
  static append(previous: { seq: number; hash: string } | null, draft: LedgerDraft, recordedAt: Date, sha256: Sha256): LedgerEntry {
    const content: LedgerContent = {
      seq: (previous?.seq ?? 0) + 1,
      eventId: draft.eventId,
      occurredAt: new Date(draft.occurredAt),
      kind: draft.kind,
      quoteId: draft.quoteId,
      actorType: draft.actorType,
      actorId: draft.actorId,
      payload: canonicalJson(draft.payload),
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    return Object.assign(new LedgerEntry(), content, { recordedAt, hash: ledgerHash(content, sha256) });
  }
}

/** What happened, before it has a place in the chain. */
export interface LedgerDraft {
  eventId: string;
  occurredAt: Date;
  kind: LedgerKind;
  quoteId: string | null;
  actorType: string;
  actorId: string | null;
  payload: Record<string, unknown>;
}

/** The fields an entry's hash covers. */
export type LedgerContent = Pick<LedgerEntry, 'seq' | 'eventId' | 'occurredAt' | 'kind' | 'quoteId' | 'actorType' | 'actorId' | 'payload' | 'prevHash'>;

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth, no spaces, `undefined`
 * members left out: one text for one value, whatever order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The text an entry's hash is taken over: a JSON array of seq, event id, occurred-at (ISO 8601,
 * milliseconds, UTC), kind, quote id, actor type, actor id, payload (its stored text, as a JSON
 * string) and previous hash. Anyone can recompute it from an export.
 */
export function ledgerHashInput(entry: LedgerContent): string {
  return JSON.stringify([entry.seq, entry.eventId, new Date(entry.occurredAt).toISOString(), entry.kind, entry.quoteId, entry.actorType, entry.actorId, entry.payload, entry.prevHash]);
}

export function ledgerHash(entry: LedgerContent, sha256: Sha256): string {
  return sha256(ledgerHashInput(entry));
}

export interface LedgerFilter {
  /** Occurred at or after. */
  from?: Date;
  /** Occurred before. */
  to?: Date;
  quoteId?: string;
}

/** The ledger's table. Appends only: nothing here updates or deletes an entry. */
export abstract class LedgerRepository {
  /**
   * Appends the entry for `draft` after the last one, in the caller's transaction; a concurrent
   * append that took the same seq makes it read the last entry again and retry. Returns null when
   * the event is in the ledger already.
   */
  abstract append(draft: LedgerDraft, recordedAt: Date, sha256: Sha256): Promise<LedgerEntry | null>;
  /** The entries matching the filter in seq order, after `afterSeq`, at most `limit`. */
  abstract page(filter: LedgerFilter, afterSeq: number, limit: number): Promise<LedgerEntry[]>;
}
