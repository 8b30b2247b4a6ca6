// An in-memory approval ledger for the ledger use cases' specs (the MikroORM repository answers the
// same through SQL: seq order, one entry per event).
import { LedgerEntry, LedgerRepository, type LedgerDraft, type LedgerFilter, type Sha256 } from '@qa/audit-domain';

export class MemoryLedger extends LedgerRepository {
  entries: LedgerEntry[] = [];

  async append(draft: LedgerDraft, recordedAt: Date, sha256: Sha256): Promise<LedgerEntry | null> {
    if (this.entries.some((e) => e.eventId === draft.eventId)) return null;
    const entry = LedgerEntry.append(this.entries[this.entries.length - 1] ?? null, draft, recordedAt, sha256);
    this.entries.push(entry);
    return entry;
  }

  async page(filter: LedgerFilter, afterSeq: number, limit: number): Promise<LedgerEntry[]> {
    return this.entries
      .filter((e) => e.seq > afterSeq && (!filter.quoteId || e.quoteId === filter.quoteId) && (!filter.from || e.occurredAt >= filter.from) && (!filter.to || e.occurredAt < filter.to))
      .slice(0, limit);
  }
}
