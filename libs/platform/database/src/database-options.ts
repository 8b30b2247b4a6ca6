import type { Options } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { ormOptions } from '@qa/shared-persistence';
import { allEntities } from './entities';
import { postgresqlMigrations } from './migrations/postgresql';
import { sqliteMigrations } from './migrations/sqlite';

export function databaseOptions(database: DatabaseConfig, extra: { poolMax?: number } = {}): Options {
  return ormOptions({ database, entities: allEntities, migrations: { postgresql: postgresqlMigrations, sqlite: sqliteMigrations }, ...extra });
}
