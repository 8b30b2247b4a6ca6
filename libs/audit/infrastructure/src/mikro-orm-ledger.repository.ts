import { EntityManager, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { LedgerEntry, LedgerRepository, type LedgerDraft, type LedgerFilter, type Sha256 } from '@qa/audit-domain';

/** How often an append retries after another took its seq (each retry means another append committed). */
const APPEND_ATTEMPTS = 50;

@Injectable()
export class MikroOrmLedgerRepository extends LedgerRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /**
   * In the caller's transaction, under a savepoint per attempt: read the last entry, insert the
   * next. Two appends racing for the same seq: the primary key refuses the second (on PostgreSQL
   * once the first commits), which rolls back to its savepoint and reads the last entry again.
   */
  async append(draft: LedgerDraft, recordedAt: Date, sha256: Sha256): Promise<LedgerEntry | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.em.transactional(async (tx) => {
          const connection = tx.getConnection();
          const context = tx.getTransactionContext();
          const [known] = await connection.execute<Array<{ seq: number }>>('select seq from audit_ledger where event_id = ?', [draft.eventId], 'all', context);
          if (known) return null;
          const [last] = await connection.execute<Array<{ seq: number | string; hash: string }>>('select seq, hash from audit_ledger order by seq desc limit 1', [], 'all', context);
          const entry = LedgerEntry.append(last ? { seq: Number(last.seq), hash: last.hash } : null, draft, recordedAt, sha256);
          await tx.insert(LedgerEntry, { ...entry });
          return entry;
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** A fresh fork per page: nothing is kept between pages, however long the ledger. */
  page(filter: LedgerFilter, afterSeq: number, limit: number): Promise<LedgerEntry[]> {
    const where: FilterQuery<LedgerEntry> = { seq: { $gt: afterSeq } };
    if (filter.quoteId) where.quoteId = filter.quoteId;
    if (filter.from || filter.to) where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return this.em.fork().find(LedgerEntry, where, { orderBy: { seq: 'asc' }, limit });
  }
}
