import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerRepository, LedgerVerifier, type LedgerVerdict } from '@qa/audit-domain';
import { ledgerSha256 } from '../../shared/ledger-sha256';
import { LEDGER_PAGE } from '../export-ledger/export-ledger.handler';
import { VerifyLedgerQuery } from './verify-ledger.query';

/** Reads the ledger in seq order a page at a time (memory stays flat however long it is) and stops at the first problem. */
@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(): Promise<LedgerVerdict> {
    const verifier = new LedgerVerifier(ledgerSha256);
    let after = 0;
    for (;;) {
      const page = await this.ledger.page({}, after, LEDGER_PAGE);
      for (const row of page) if (verifier.feed(row)) return verifier.finish();
      if (page.length < LEDGER_PAGE) return verifier.finish();
      after = page[page.length - 1].seq;
    }
  }
}
