import { MikroORM } from '@mikro-orm/core';
import { VerifyLedgerHandler } from '@qa/audit-application';
import type { LedgerVerdict } from '@qa/audit-domain';
import { MikroOrmLedgerRepository } from '@qa/audit-infrastructure';
import { databaseOptions } from '@qa/platform-database';
import type { DatabaseConfig } from '@qa/shared-config';

/** Walks the approval ledger of this database (as POST /api/v1/audit/ledger/verify does). */
export async function verifyLedgerOf(database: DatabaseConfig): Promise<LedgerVerdict> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    return await new VerifyLedgerHandler(new MikroOrmLedgerRepository(orm.em)).execute();
  } finally {
    await orm.close(true);
  }
}

/** The verdict in words, for a terminal. */
export function describeVerdict(verdict: LedgerVerdict): string {
  if (verdict.ok) return `ledger OK: ${verdict.entries} entries, last hash ${verdict.lastHash}`;
  const what = { changed: 'was changed', removed: 'was removed', inserted: 'was inserted' }[verdict.problem];
  const how = { 'hash-mismatch': 'its content no longer matches its hash', 'seq-gap': 'its seq number is missing', shifted: 'the entries after it were renumbered', 'broken-link': 'the chain of hashes breaks there' }[verdict.reason];
  return `ledger BROKEN: entry ${verdict.seq} ${what} (${how}); ${verdict.checked} entries before it are intact${verdict.eventId ? `; event ${verdict.eventId}` : ''}`;
}
