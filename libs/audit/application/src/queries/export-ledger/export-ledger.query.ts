import { Query } from '@nestjs/cqrs';
import type { LedgerEntry } from '@qa/audit-domain';

/**
 * The ledger's entries in seq order, filtered by when they happened (`from`, `to`: ISO dates or
 * date-times) and quote, read a page at a time as the caller consumes them (admins).
 */
export class ExportLedgerQuery extends Query<AsyncIterable<LedgerEntry>> {
  constructor(readonly filter: { from?: string; to?: string; quoteId?: string }) {
    super();
  }
}
