/** Applies pending migrations to the configured database (SQLite by default, PostgreSQL by DATABASE_URL). */
import { migrateDatabase } from '@qa/platform-database';
import { loadConfigOrExit, redact } from '@qa/shared-config';

async function main() {
  const config = loadConfigOrExit();
  const where = config.database.kind === 'sqlite' ? config.database.path : redact(config.database.url);
  console.log(`migrate: ${config.database.kind} ${where}`);
  const applied = await migrateDatabase(config.database);
  console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: already up to date');
}

main().catch((error) => {
  console.error('migrate failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
