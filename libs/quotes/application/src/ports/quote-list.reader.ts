import type { QuoteStatus } from '@qa/quotes-contracts';

export const QUOTE_SORTS = ['updatedAt', 'number', 'total', 'expiresOn'] as const;
export type QuoteSort = (typeof QUOTE_SORTS)[number];

export interface QuoteListFilter {
  statuses?: QuoteStatus[];
  /** Forced to the caller for reps. */
  ownerId?: string;
  dealId?: string;
  /** Text in the title, the number or the company's name. */
  text?: string;
}

export interface QuoteListRequest extends QuoteListFilter {
  sort: QuoteSort;
  direction: 'asc' | 'desc';
  limit: number;
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string;
}

export interface QuoteListItem {
  id: string;
  number: string;
  title: string;
  status: QuoteStatus;
  ownerId: string;
  companyName: string | null;
  dealId: string | null;
  currency: string;
  totalMinor: number;
  expiresOn: string;
  updatedAt: Date;
  version: number;
  /** The buyer's link while the quote is shared. */
  sharePath: string | null;
}

export interface QuoteListPage {
  items: QuoteListItem[];
  nextCursor: string | null;
  /**
   * Quotes per status under the same filters except the status filter. Empty when
   * `countsComplete` is false.
   */
  countsByStatus: Partial<Record<QuoteStatus, number>>;
  /**
   * False when a text filter matches more than `QUOTE_COUNT_CAP` quotes, or is a common word
   * (counting every match of one costs more than its page at a million quotes): the counts are
   * left out and the list says "1,000+", or "about N" with `approximateTotal`.
   */
  countsComplete: boolean;
  /**
   * When the counts are left out for a common word: the database's estimate of how many quotes
   * match the filters but the status filter (two significant digits), shown as "about 51,000".
   */
  approximateTotal?: number;
}

/** Up to this many matches of a text filter, the counts per status are exact (see countsComplete). */
export const QUOTE_COUNT_CAP = 1_000;

/** Read side of the quotes list (keyset pagination), implemented on the database. */
export abstract class QuoteListReader {
  abstract list(request: QuoteListRequest): Promise<QuoteListPage>;
}
