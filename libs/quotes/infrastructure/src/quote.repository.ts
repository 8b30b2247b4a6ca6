import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { EXPIRABLE_STATUSES, Quote, QuoteRepository, type SubmittedQuotesCursor } from '@qa/quotes-domain';

@Injectable()
export class MikroOrmQuoteRepository extends QuoteRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string) {
    return this.em.findOne(Quote, { id });
  }

  findByShareSlug(slug: string) {
    return this.em.findOne(Quote, { shareSlug: slug });
  }

  /**
   * Q-YYYY-NNNN from a per-year counter (a number is never reused; a failed create leaves a gap).
   */
  async nextNumber(year: number): Promise<string> {
    // One statement (upsert … returning), so two creators never read the same value; PostgreSQL
    // and SQLite (3.35+) both speak it.
    const rows: Array<{ last: number }> = await this.em
      .getConnection()
      .execute(
        'insert into quotes_number_counter (year, last) values (?, 1) on conflict (year) do update set last = quotes_number_counter.last + 1 returning last',
        [year],
        'all',
        this.em.getTransactionContext(),
      );
    return `Q-${year}-${String(rows[0].last).padStart(4, '0')}`;
  }

  async save(quote: Quote) {
    await this.em.persistAndFlush(quote);
  }

  async findExpirableBefore(date: string, limit: number): Promise<string[]> {
    const quotes = await this.em.find(Quote, { status: { $in: [...EXPIRABLE_STATUSES] }, expiresOn: { $lt: date } }, { fields: ['id'], orderBy: { expiresOn: 'asc' }, limit });
    return quotes.map((q) => q.id);
  }

  /** Served by quotes_quote_submitted_index (submitted_at, id), read backwards. */
  listSubmitted(limit: number, after: SubmittedQuotesCursor | null): Promise<Quote[]> {
    const keyset = after
      ? // The first condition bounds the index scan; the second skips what the last page had of that time.
        { submittedAt: { $lte: after.submittedAt }, $or: [{ submittedAt: { $lt: after.submittedAt } }, { id: { $lt: after.id } }] }
      : { submittedAt: { $ne: null } };
    return this.em.find(Quote, keyset, { orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }], limit, disableIdentityMap: true });
  }

  async countSubmitted(upTo: number | null): Promise<number> {
    const capped = upTo === null ? '' : ` limit ${Math.max(0, Math.floor(upTo))}`;
    const rows: Array<{ n: number | string }> = await this.em
      .getConnection()
      .execute(`select count(*) as n from (select 1 from quotes_quote where submitted_at is not null${capped}) s`, [], 'all', this.em.getTransactionContext());
    return Number(rows[0].n);
  }
}
