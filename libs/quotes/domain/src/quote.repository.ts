import type { Quote } from './quote';

export abstract class QuoteRepository {
  abstract findById(id: string): Promise<Quote | null>;
  abstract findByShareSlug(slug: string): Promise<Quote | null>;
  /** Next number of the year: Q-YYYY-NNNN. */
  abstract nextNumber(year: number): Promise<string>;
  abstract save(quote: Quote): Promise<void>;
  /** Ids of quotes in a status that can expire whose expiry date is before `date` (YYYY-MM-DD). */
  abstract findExpirableBefore(date: string, limit: number): Promise<string[]>;
}
