import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { databaseOptions } from './database-options';

/** Applies every pending migration; returns the names applied. */
export async function migrateDatabase(database: DatabaseConfig): Promise<string[]> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 2 }));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
