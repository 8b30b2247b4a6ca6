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
    let rows: ListRow[];
    let counts: Pick<QuoteListPage, 'countsByStatus' | 'countsComplete' | 'approximateTotal'>;
    const text = request.text?.trim();
    // Text on PostgreSQL: how many quotes the text alone matches, by the statistics (a number's
    // start is searched in the numbers' index, which needs none of this).
    const textMatches = text && !this.sqlite && !quoteNumberPrefix(text) ? await this.estimatedMatches({ text }) : null;
    const common = textMatches !== null && textMatches >= COMMON_TEXT_MATCHES ? await this.commonTextPage(request, textMatches) : null;
    if (common) {
      ({ rows, counts } = common);
    } else if (text && !this.sqlite) {
      // Count first (up to the cap), then choose the page's plan by how many quotes match (see
      // pageQuery's sortAllMatches): all of them sorted when they were all counted, or when the
      // statistics say the word is not common (the index walk would look at many rows per match).
      counts = await this.textMatchCounts(request);
      const sortAllMatches = counts.countsComplete || (textMatches !== null && textMatches < COMMON_TEXT_MATCHES);
      rows = (await this.pageQuery(request, { sortAllMatches }).execute('all')) as ListRow[];
    } else {
      let countsByStatus: QuoteListPage['countsByStatus'];
      [rows, countsByStatus] = await Promise.all([this.pageQuery(request).execute('all') as Promise<ListRow[]>, this.countsByStatus(request)]);
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
   * second for 650 matches. list() sets it unless the word is common (commonTextPage): a word in
   * 2,500 quotes costs 5 ms sorted and 50 ms walked.
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
   * A common word (PostgreSQL): its page from the list's own index, without the trigram index.
   *
   * The trigram index finds the matches of a word in a few quotes in a millisecond, but a word in
   * tens of thousands (one title in twenty) costs it tens of milliseconds to gather them all, and
   * PostgreSQL's costing does not see that: every plan that uses it for such a word (the counts,
   * a rep's own list) is slow. Walking the sort index and testing each row instead meets 51 matches
   * of a common word after a thousand rows or so. So when PostgreSQL's statistics say the text
   * alone matches at least COMMON_TEXT_MATCHES quotes (`textMatches`), the page is read that way,
   * looking at no more than WALK_ROWS rows (if they hold less than a page, the statistics were
   * wrong about this word and list() takes the general path). Counts are left out: counting every
   * match costs more than the page (all of them through the trigram index, or every quote of a
   * rep's own list tested one by one); the database's estimate of the matches is given instead
   * ("about 51,000").
   *
   * Only for sorts an index serves in the list's order (last changed, number); null otherwise.
   */
  private async commonTextPage(request: QuoteListRequest, textMatches: number): Promise<{ rows: ListRow[]; counts: Pick<QuoteListPage, 'countsByStatus' | 'countsComplete' | 'approximateTotal'> } | null> {
    if (request.sort !== 'updatedAt' && request.sort !== 'number') return null;
    const text = request.text?.trim() ?? '';
    const rows = (await this.walkCommonText(request)) as StoredRow[];
    if (rows.length <= request.limit) return null;
    const matches = request.ownerId || request.dealId ? await this.estimatedMatches({ text, ownerId: request.ownerId, dealId: request.dealId }) : textMatches;
    return { rows: rows.map(fromStoredRow), counts: { countsByStatus: {}, countsComplete: false, approximateTotal: twoSignificantDigits(matches) } };
  }

  /**
   * PostgreSQL's estimate of how many quotes match a filter (from the statistics of the search
   * expression and the columns; public so a test can compare it with the real number).
   */
  async estimatedMatches(filter: QuoteListFilter): Promise<number> {
    const em = this.em as SqlEntityManager;
    const qb = em.createQueryBuilder(Quote, 'q').select(['id']);
    this.applyFilter(qb, filter, false);
    const { sql, bindings } = qb.getKnexQuery().toSQL();
    const [row] = (await em.getConnection().execute(`explain (format json) ${sql}`, [...bindings], 'all', em.getTransactionContext())) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
    return row['QUERY PLAN'][0].Plan['Plan Rows'];
  }

  /**
   * The page of a common word: the first WALK_ROWS quotes under the other filters in the list's
   * order, from its index, tested one by one against the text until a page is full. PostgreSQL is
   * told to walk (no bitmap scan, no sort) for this one statement: it plans the inner query
   * without the outer limit, and for a rep's own quotes (fewer than WALK_ROWS) it would read and
   * sort all of them (28 ms, against 4 ms walked, for a rep with 5,000 quotes). With `explain`,
   * the plan instead of the rows (for a test).
   */
  async walkCommonText(request: QuoteListRequest, options: { explain?: boolean } = {}): Promise<unknown[]> {
    const column = COLUMN[request.sort];
    const inner = this.pageQuery({ ...request, text: undefined, limit: WALK_ROWS - 1 });
    inner.addSelect(raw(`${QUOTE_SEARCH_TEXT} as search_text`));
    const { sql, bindings } = inner.getKnexQuery().toSQL();
    const direction = request.direction === 'desc' ? 'desc' : 'asc';
    const walk = `select * from (${sql}) as walked where search_text ilike ? order by ${column} ${direction}, id ${direction} limit ${request.limit + 1}`;
    return (this.em as SqlEntityManager).transactional(async (tx) => {
      const connection = tx.getConnection();
      await connection.execute(`select set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`, [], 'all', tx.getTransactionContext());
      return connection.execute(`${options.explain ? 'explain ' : ''}${walk}`, [...bindings, textPattern(request.text ?? '')], 'all', tx.getTransactionContext());
    });
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
    return statusCounts(rows);
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
    if (!text) return;
    const number = quoteNumberPrefix(text);
    if (number) {
      // A quote's number (or its start): a range of the number's unique index; LIKE keeps exactly
      // the numbers that start so (the range is what lets the index serve it, whatever the collation).
      qb.andWhere({ number: { $gte: number, $lt: number.slice(0, -1) + String.fromCharCode(number.charCodeAt(number.length - 1) + 1), $like: `${number}%` } });
      return;
    }
    const pattern = textPattern(text);
    // PostgreSQL: one ILIKE on the expression its trigram index covers (quotes_quote_search_index).
    // SQLite has no ILIKE; its LIKE ignores case (ASCII) and needs the escape character named.
    if (this.sqlite) qb.andWhere(`(title like ? escape '\\' or number like ? escape '\\' or company_name like ? escape '\\')`, [pattern, pattern, pattern]);
    else qb.andWhere(`(${QUOTE_SEARCH_TEXT}) ilike ?`, [pattern]);
  }
}

/**
 * The text as the start of a quote number (`Q-2026-0042`, `q-2026-00`, `Q-2026-`), upper-cased; null
 * for any other text. Searched in the numbers only, by their index: the trigram index would gather
 * every quote of that year first (each of its numbers holds "2026").
 */
export function quoteNumberPrefix(text: string): string | null {
  return /^q-\d{4}-\d*$/i.test(text) ? text.toUpperCase() : null;
}

/** 51,234 → 51,000; 272 → 270: an estimate shown as no more precise than it is. */
function twoSignificantDigits(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * From this many estimated matches of the text alone, a word is common: see commonTextPage. (At a
 * million quotes the statistics tell a word in 2 % of the quotes from a rarer one; below, a word's
 * matches are few enough to sort them all.)
 */
export const COMMON_TEXT_MATCHES = 20_000;
/** A common word's page looks at no more quotes than this in the list's order (see commonTextPage). */
const WALK_ROWS = 20_000;

/** `%text%` for (I)LIKE, with the text's own %, _ and \ taken literally. */
function textPattern(text: string): string {
  return `%${text.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

function statusCounts(rows: Array<{ status: string }>): Pick<QuoteListPage, 'countsByStatus' | 'countsComplete'> {
  if (rows.length > QUOTE_COUNT_CAP) return { countsByStatus: {}, countsComplete: false };
  const countsByStatus: Record<string, number> = {};
  for (const { status } of rows) countsByStatus[status] = (countsByStatus[status] ?? 0) + 1;
  return { countsByStatus, countsComplete: true };
}

/** The columns of a quote the list reads (pageQuery selects them). */
type ListRow = Pick<Quote, 'id' | 'number' | 'title' | 'status' | 'ownerId' | 'companyName' | 'dealId' | 'currency' | 'totalMinor' | 'expiresOn' | 'updatedAt' | 'version' | 'shareSlug'>;

/** A quotes_quote row as the database returns it to a plain query. */
interface StoredRow {
  id: string;
  number: string;
  title: string;
  status: Quote['status'];
  owner_id: string;
  company_name: string | null;
  deal_id: string | null;
  currency: string;
  total_minor: string | number;
  expires_on: string;
  updated_at: Date;
  version: number;
  share_slug: string | null;
}

function fromStoredRow(row: StoredRow): ListRow {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    ownerId: row.owner_id,
    companyName: row.company_name,
    dealId: row.deal_id,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    expiresOn: row.expires_on,
    updatedAt: row.updated_at,
    version: row.version,
    shareSlug: row.share_slug,
  };
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
