/**
 * Verifies the approval ledger of the configured database (SQLite by default, PostgreSQL by
 * DATABASE_URL):  npm run ledger:verify
 * Prints the verdict and exits 1 when the chain is broken (the first changed, removed or inserted
 * entry is named), 2 when the check could not run.
 */
import { loadConfigOrExit, redact } from '@qa/shared-config';
import { describeVerdict, verifyLedgerOf } from './verify-ledger';

async function main() {
  const config = loadConfigOrExit();
  const where = config.database.kind === 'sqlite' ? config.database.path : redact(config.database.url);
  console.log(`ledger:verify: ${config.database.kind} ${where}`);
  const verdict = await verifyLedgerOf(config.database);
  console.log(describeVerdict(verdict));
  console.log(JSON.stringify(verdict));
  process.exit(verdict.ok ? 0 : 1);
}

main().catch((error) => {
  console.error('ledger:verify failed:', error instanceof Error ? error.message : error);
  process.exit(2);
});
