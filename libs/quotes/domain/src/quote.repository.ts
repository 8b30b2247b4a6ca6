import type { Quote } from './quote';

export abstract class QuoteRepository {
  abstract findById(id: string): Promise<Quote | null>;
  abstract findByShareSlug(slug: string): Promise<Quote | null>;
  /** Next number of the year: Q-YYYY-NNNN. */
  abstract nextNumber(year: number): Promise<string>;
  abstract save(quote: Quote): Promise<void>;
}
