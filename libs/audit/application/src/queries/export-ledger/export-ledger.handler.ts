import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerRepository, ledgerFilterOf, type LedgerEntry, type LedgerFilter } from '@qa/audit-domain';
import { ExportLedgerQuery } from './export-ledger.query';

/** Rows read per database round trip. */
export const LEDGER_PAGE = 1000;

@QueryHandler(ExportLedgerQuery)
export class ExportLedgerHandler implements IQueryHandler<ExportLedgerQuery> {
  constructor(private readonly ledger: LedgerRepository) {}

  /** Checks the filter now (a bad one: 422 before anything is sent), then reads lazily. */
  async execute({ filter }: ExportLedgerQuery): Promise<AsyncIterable<LedgerEntry>> {
    return this.entries(ledgerFilterOf(filter));
  }

  private async *entries(filter: LedgerFilter): AsyncIterable<LedgerEntry> {
    let after = 0;
    for (;;) {
      const page = await this.ledger.page(filter, after, LEDGER_PAGE);
      yield* page;
      if (page.length < LEDGER_PAGE) return;
      after = page[page.length - 1].seq;
    }
  }
}
