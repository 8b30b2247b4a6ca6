import type { Quote } from './quote';

/** Where a page of submitted quotes ended: the next page starts after it. */
export interface SubmittedQuotesCursor {
  submittedAt: Date;
  id: string;
}

export abstract class QuoteRepository {
  abstract findById(id: string): Promise<Quote | null>;
  abstract findByShareSlug(slug: string): Promise<Quote | null>;
  /** Next number of the year: Q-YYYY-NNNN. */
  abstract nextNumber(year: number): Promise<string>;
  abstract save(quote: Quote): Promise<void>;
  /** Ids of quotes in a status that can expire whose expiry date is before `date` (YYYY-MM-DD). */
  abstract findExpirableBefore(date: string, limit: number): Promise<string[]>;
  /** Quotes ever submitted, last submitted first (then by id, descending), after `after` (keyset). */
  abstract listSubmitted(limit: number, after: SubmittedQuotesCursor | null): Promise<Quote[]>;
  /** How many quotes were ever submitted, counting up to `upTo` (null: all). */
  abstract countSubmitted(upTo: number | null): Promise<number>;
}
