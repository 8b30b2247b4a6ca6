import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { Quote } from '@qa/quotes-domain';

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

export const quotesEntities = [QuoteSchema, QuoteNumberCounterSchema];
