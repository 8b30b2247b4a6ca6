import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnyEntity, EntitySchema, EventSubscriber, Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';

export interface MigrationSets {
  postgresql: MigrationObject[];
  sqlite: MigrationObject[];
}

export interface OrmOptionsInput {
  database: DatabaseConfig;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any>[] | AnyEntity[];
  migrations: MigrationSets;
  /** Connection pool size on PostgreSQL. */
  poolMax?: number;
  /** MikroORM event subscribers, e.g. the outbox flush subscriber. */
  subscribers?: EventSubscriber[];
}

/**
 * MikroORM options for either database. The same entity schemas map to both; each database has its
 * own migration list because their DDL differs.
 */
export function ormOptions({ database, entities, migrations, poolMax = 10, subscribers = [] }: OrmOptionsInput): Options {
  const common = {
    entities: entities as Options['entities'],
    subscribers,
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
  } satisfies Partial<Options>;

  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      pool: { min: 0, max: poolMax },
      // No JIT compilation: it pays off for long analytical queries, but it starts on cost alone,
      // and a list search whose plan is costed high (a common word at a million quotes) spent
      // 100 of its 150 ms compiling. Every query of this application is short.
      driverOptions: { connection: { options: '-c jit=off' } },
      migrations: { migrationsList: migrations.postgresql, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    } as Options;
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: database.path,
    migrations: { migrationsList: migrations.sqlite, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  } as Options;
}
