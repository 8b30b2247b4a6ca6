import { BigIntType, EntitySchema, JsonType, type Platform, type TransformContext } from '@mikro-orm/core';
import { BILLING_PERIODS, DEFAULT_QUOTE_LANGUAGE, type BillingPeriod } from '@qa/quotes-contracts';
import { DEFAULT_BILLING_PERIOD, DEFAULT_PAYMENT_TERMS_DAYS, Quote, type LineItem } from '@qa/quotes-domain';

/**
 * The text the quotes list searches (`q`): title, number and company name. On PostgreSQL the list
 * filters `<this> ILIKE '%text%'`, which the trigram index below serves; the expression must stay
 * exactly the same in both places for the planner to use the index.
 */
export const QUOTE_SEARCH_TEXT = `title || ' ' || number || ' ' || coalesce(company_name, '')`;

/** Billing periods stored before they were named as now: none (null or left out) and `annually`. */
const LEGACY_BILLING_PERIODS: Record<string, BillingPeriod> = { annually: 'yearly' };

/** A stored line's billing period as the domain names it: lines stored without one are billed once. */
function storedBillingPeriod(value: unknown): BillingPeriod {
  if ((BILLING_PERIODS as readonly unknown[]).includes(value)) return value as BillingPeriod;
  return (typeof value === 'string' ? LEGACY_BILLING_PERIODS[value] : undefined) ?? DEFAULT_BILLING_PERIOD;
}

/**
 * The line items' JSON, read with every line's billing period set (rows written before billing
 * periods had these names hold none, null or `annually`); written as the domain has them.
 */
export class LineItemsType extends JsonType {
  override convertToJSValue(value: unknown, platform: Platform, context?: TransformContext): LineItem[] {
    const lines: unknown = super.convertToJSValue(value as string, platform, context);
    if (!Array.isArray(lines)) return lines as LineItem[];
    return lines.map((line: LineItem) => ({ ...line, billingPeriod: storedBillingPeriod(line.billingPeriod) }));
  }
}

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
    // The approval policy's dry run: quotes last submitted first, paged by (submitted_at, id).
    { name: 'quotes_quote_submitted_index', properties: ['submittedAt', 'id'] },
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
    paymentTermsDays: { type: 'integer', default: DEFAULT_PAYMENT_TERMS_DAYS },
    language: { type: 'string', length: 2, default: DEFAULT_QUOTE_LANGUAGE },
    lineItems: { type: new LineItemsType() },
    totalMinor: { type: new BigIntType('number') },
    shareSlug: { type: 'string', length: 64, nullable: true, unique: 'quotes_quote_share_slug_unique' },
    signature: { type: 'json', nullable: true },
    approvalRoute: { type: 'json', nullable: true },
    // Approved with limits: the bounds the owner may change it within (null otherwise, and in rows from before).
    approvalLimits: { type: 'json', nullable: true },
    history: { type: 'json' },
    // Null: never submitted (rows from before it was kept: filled from their history by the migration).
    submittedAt: { type: 'datetime', nullable: true },
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
