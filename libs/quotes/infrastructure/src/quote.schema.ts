import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { Quote } from '@qa/quotes-domain';

/**
 * The text the quotes list searches (`q`): title, number and company name. On PostgreSQL the list
 * filters `<this> ILIKE '%text%'`, which the trigram index below serves; the expression must stay
 * exactly the same in both places for the planner to use the index.
 */
export const QUOTE_SEARCH_TEXT = `title || ' ' || number || ' ' || coalesce(company_name, '')`;

export const QuoteSchema = new EntitySchema<Quote>({
  class: Quote,
  tableName: 'quotes_quote',
  indexes: [
    // The quotes list: newest first, optionally per status or owner, paged by (updated_at, id).
    { name: 'quotes_quote_updated_index', properties: ['updatedAt', 'id'] },
    { name: 'quotes_quote_status_updated_index', properties: ['status', 'updatedAt', 'id'] },
    { name: 'quotes_quote_owner_updated_index', properties: ['ownerId', 'updatedAt', 'id'] },
    { name: 'quotes_quote_owner_status_updated_index', properties: ['ownerId', 'status', 'updatedAt', 'id'] },
    { name: 'quotes_quote_deal_index', properties: ['dealId'] },
    {
      // Text search: a pg_trgm GIN index on PostgreSQL (tables there are in a schema; SQLite's are not).
      // SQLite has no such index and its LIKE scans (fine at its sizes); it keeps the name with an
      // index that holds no rows, so both databases' schemas match this mapping.
      name: 'quotes_quote_search_index',
      expression: (table, _columns, name) =>
        table.schema ? `create index "${name}" on "${table.name}" using gin ((${QUOTE_SEARCH_TEXT}) gin_trgm_ops)` : `create index \`${name}\` on \`${table.name}\` (\`id\`) where 0`,
    },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    number: { type: 'string', length: 20, unique: 'quotes_quote_number_unique' },
    ownerId: { type: 'string', length: 36 },
    status: { type: 'string', length: 24 },
    title: { type: 'string', length: 200 },
    dealId: { type: 'string', length: 36, nullable: true },
    companyId: { type: 'string', length: 36, nullable: true },
    companyName: { type: 'string', length: 200, nullable: true },
    recipientContactIds: { type: 'json' },
    currency: { type: 'string', length: 3 },
    expiresOn: { type: 'string', length: 10, index: 'quotes_quote_expires_on_index' },
    quoteDiscount: { type: 'json', nullable: true },
    commentsForBuyer: { type: 'text' },
    purchaseTerms: { type: 'text' },
    lineItems: { type: 'json' },
    totalMinor: { type: new BigIntType('number') },
    shareSlug: { type: 'string', length: 64, nullable: true, unique: 'quotes_quote_share_slug_unique' },
    signature: { type: 'json', nullable: true },
    approvalRoute: { type: 'json', nullable: true },
    history: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** One counter row per year for Q-YYYY-NNNN numbers. */
export class QuoteNumberCounter {
  year!: number;
  last!: number;
}

export const QuoteNumberCounterSchema = new EntitySchema<QuoteNumberCounter>({
  class: QuoteNumberCounter,
  tableName: 'quotes_number_counter',
  properties: {
    year: { type: 'integer', primary: true, autoincrement: false },
    last: { type: 'integer' },
  },
});

/**
 * Quotes per owner and status, for the list's counts per status without counting a million rows.
 * Kept by database triggers on quotes_quote (see the quotes-status-count migration), so every
 * write counts, whichever code or SQL makes it.
 */
export class QuoteStatusCount {
  ownerId!: string;
  status!: string;
  count!: number;
}

export const QuoteStatusCountSchema = new EntitySchema<QuoteStatusCount>({
  class: QuoteStatusCount,
  tableName: 'quotes_status_count',
  properties: {
    ownerId: { type: 'string', length: 36, primary: true },
    status: { type: 'string', length: 24, primary: true },
    count: { type: 'integer' },
  },
});

export const quotesEntities = [QuoteSchema, QuoteNumberCounterSchema, QuoteStatusCountSchema];
