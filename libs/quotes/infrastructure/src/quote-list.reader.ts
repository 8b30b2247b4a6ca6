import { EntityManager, raw } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, QueryBuilder } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { QUOTE_COUNT_CAP, QuoteListReader, type QuoteListFilter, type QuoteListPage, type QuoteListRequest, type QuoteSort } from '@qa/quotes-application';
import { Quote } from '@qa/quotes-domain';
import { DomainError } from '@qa/shared-kernel';
import { QUOTE_SEARCH_TEXT, QuoteStatusCount } from './quote.schema';

const COLUMN: Record<QuoteSort, string> = { updatedAt: 'updated_at', number: 'number', total: 'total_minor', expiresOn: 'expires_on' };
const PROPERTY: Record<QuoteSort, keyof Quote> = { updatedAt: 'updatedAt', number: 'number', total: 'totalMinor', expiresOn: 'expiresOn' };

/**
 * The quotes list with keyset pagination: `(sort column, id)` after the cursor, so page 1,000 costs
 * what page 1 costs. The (status|owner, updated_at, id) indexes serve the default sort, the trigram
 * index the text filter on PostgreSQL, and the counters per owner and status the counts.
 */
@Injectable()
export class SqlQuoteListReader extends QuoteListReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async list(request: QuoteListRequest): Promise<QuoteListPage> {
    // Plain rows, not entities: a page is read-only, and hydrating 50 managed entities into the
    // identity map cost more CPU than anything else of the reader.
    let rows: Quote[];
    let counts: Pick<QuoteListPage, 'countsByStatus' | 'countsComplete'>;
    if (request.text?.trim() && !this.sqlite) {
      // Text on PostgreSQL: count first (up to the cap), then choose the page's plan by how many
      // quotes match (see pageQuery's sortAllMatches).
      counts = await this.textMatchCounts(request);
      rows = (await this.pageQuery(request, { sortAllMatches: counts.countsComplete }).execute('all')) as Quote[];
    } else {
      let countsByStatus: QuoteListPage['countsByStatus'];
      [rows, countsByStatus] = await Promise.all([this.pageQuery(request).execute('all') as Promise<Quote[]>, this.countsByStatus(request)]);
      counts = { countsByStatus, countsComplete: true };
    }
    const hasMore = rows.length > request.limit;
    const items = rows.slice(0, request.limit).map((q) => ({
      id: q.id,
      number: q.number,
      title: q.title,
      status: q.status,
      ownerId: q.ownerId,
      companyName: q.companyName,
      dealId: q.dealId,
      currency: q.currency,
      totalMinor: Number(q.totalMinor),
      expiresOn: q.expiresOn,
      updatedAt: new Date(q.updatedAt),
      version: q.version ?? 1,
      sharePath: q.shareSlug ? `/q/${q.shareSlug}` : null,
    }));
    const last = items.at(-1);
    const sortValue = (item: NonNullable<typeof last>) => (request.sort === 'updatedAt' ? item.updatedAt.toISOString() : item[PROPERTY[request.sort] as keyof typeof item]);
    return {
      items,
      nextCursor: hasMore && last ? encodeCursor([sortValue(last) as string | number, last.id]) : null,
      ...counts,
    };
  }

  private get sqlite(): boolean {
    return this.em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  }

  /**
   * The query of one page (public so a test can EXPLAIN exactly what runs).
   *
   * `sortAllMatches` orders by expressions no index serves, so PostgreSQL fetches every match and
   * sorts them. For a text filter with few matches that is what it should do (the trigram index
   * finds them), but its estimate of how many quotes match `%text%` is coarse (one histogram
   * bucket: a word in 650 of a million quotes was estimated at 10,000), and with a high estimate it
   * walks the sort index backwards, testing row after row, hoping to meet 51 matches soon: half a
   * second for 650 matches. With many matches (more than the count cap) that walk is right, and
   * the flag is left off.
   */
  pageQuery(request: QuoteListRequest, options: { sortAllMatches?: boolean } = {}): QueryBuilder<Quote> {
    const em = this.em as SqlEntityManager;
    const sqlite = this.sqlite;
    const column = COLUMN[request.sort];
    const qb = em
      .createQueryBuilder(Quote, 'q')
      .select(['id', 'number', 'title', 'status', 'ownerId', 'companyName', 'dealId', 'currency', 'totalMinor', 'expiresOn', 'updatedAt', 'version', 'shareSlug']);
    this.applyFilter(qb, request, true);
    if (request.cursor) {
      const [value, id] = decodeCursor(request.cursor);
      const bound = request.sort === 'updatedAt' ? (sqlite ? new Date(value as string).getTime() : new Date(value as string)) : value;
      qb.andWhere(`(q.${column}, q.id) ${request.direction === 'desc' ? '<' : '>'} (?, ?)`, [bound, id]);
    }
    if (options.sortAllMatches) {
      const unindexed = request.sort === 'updatedAt' ? `q.updated_at + interval '0 seconds'` : request.sort === 'total' ? `q.total_minor + 0` : `q.${column} || ''`;
      return qb.orderBy({ [raw(unindexed)]: request.direction, [raw(`q.id || ''`)]: request.direction }).limit(request.limit + 1);
    }
    return qb.orderBy({ [PROPERTY[request.sort]]: request.direction, id: request.direction }).limit(request.limit + 1);
  }

  /**
   * Quotes per status under the filters but the status filter. Without a deal or text filter, from
   * the counters per owner and status (at most owners × statuses rows); else by counting the
   * matching quotes, which those filters keep few (an index finds them).
   */
  /**
   * Counts for a text filter on PostgreSQL, exact up to QUOTE_COUNT_CAP matches in all. The
   * matches come from a MATERIALIZED CTE, which PostgreSQL plans without the outer LIMIT (so it
   * keeps the trigram index's bitmap scan: with the LIMIT inside, a coarse estimate can make it
   * scan the table hoping to meet enough rows early, which for a rare word is the whole table)
   * and evaluates only as far as the outer query reads: at most CAP + 1 rows are rechecked.
   */
  private async textMatchCounts(filter: QuoteListFilter): Promise<Pick<QuoteListPage, 'countsByStatus' | 'countsComplete'>> {
    const em = this.em as SqlEntityManager;
    const { sql, bindings } = this.textMatchesQuery(filter);
    const rows: Array<{ status: string }> = await em.getConnection().execute(sql, bindings, 'all', em.getTransactionContext());
    if (rows.length > QUOTE_COUNT_CAP) return { countsByStatus: {}, countsComplete: false };
    const countsByStatus: Record<string, number> = {};
    for (const { status } of rows) countsByStatus[status] = (countsByStatus[status] ?? 0) + 1;
    return { countsByStatus, countsComplete: true };
  }

  /** The statuses of the first CAP + 1 matches of a text filter (public so a test can EXPLAIN it). */
  textMatchesQuery(filter: QuoteListFilter): { sql: string; bindings: unknown[] } {
    const matches = (this.em as SqlEntityManager).createQueryBuilder(Quote, 'q').select(['status']);
    this.applyFilter(matches, filter, false);
    const { sql, bindings } = matches.getKnexQuery().toSQL();
    return { sql: `with matches as materialized (${sql}) select status from matches limit ${QUOTE_COUNT_CAP + 1}`, bindings: [...bindings] };
  }

  private async countsByStatus(filter: QuoteListFilter): Promise<QuoteListPage['countsByStatus']> {
    const em = this.em as SqlEntityManager;
    let rows: Array<{ status: string; count: string | number }>;
    if (!filter.dealId && !filter.text?.trim()) {
      const qb = em.createQueryBuilder(QuoteStatusCount, 'c').select(['status', raw('sum(count) as count')]).groupBy('status').having('sum(count) > 0');
      if (filter.ownerId) qb.where({ ownerId: filter.ownerId });
      rows = await qb.execute('all');
    } else {
      const qb = em.createQueryBuilder(Quote, 'q').select(['status', raw('count(*) as count')]).groupBy('status');
      this.applyFilter(qb, filter, false);
      rows = await qb.execute('all');
    }
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }

  private applyFilter(qb: QueryBuilder<Quote>, filter: QuoteListFilter, withStatus: boolean): void {
    if (withStatus && filter.statuses?.length) qb.andWhere({ status: { $in: filter.statuses } });
    if (filter.ownerId) qb.andWhere({ ownerId: filter.ownerId });
    if (filter.dealId) qb.andWhere({ dealId: filter.dealId });
    const text = filter.text?.trim();
    if (text) {
      const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      // PostgreSQL: one ILIKE on the expression its trigram index covers (quotes_quote_search_index).
      // SQLite has no ILIKE; its LIKE ignores case (ASCII) and needs the escape character named.
      if (this.sqlite) qb.andWhere(`(title like ? escape '\\' or number like ? escape '\\' or company_name like ? escape '\\')`, [pattern, pattern, pattern]);
      else qb.andWhere(`(${QUOTE_SEARCH_TEXT}) ilike ?`, [pattern]);
    }
  }
}

function encodeCursor(value: [string | number, string]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' && ['string', 'number'].includes(typeof value[0])) return value as [string | number, string];
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this list gave out', 'bad-request', { fields: [{ field: 'cursor', reason: 'is not a cursor this list gave out' }] });
}
