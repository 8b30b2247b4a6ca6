import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { EXPIRABLE_STATUSES, Quote, QuoteRepository } from '@qa/quotes-domain';

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
}
