import type { EntitySchema, Options } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { OutboxFlushSubscriber } from '@qa/shared-messaging';
import { ormOptions } from '@qa/shared-persistence';
import { allEntities } from './entities';
import { postgresqlMigrations } from './migrations/postgresql/postgresql-migrations';
import { sqliteMigrations } from './migrations/sqlite/sqlite-migrations';

/**
 * MikroORM options of every process: all entities, both migration lists, and the outbox flush
 * subscriber that writes recorded events in the same transaction as the aggregates.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function databaseOptions(database: DatabaseConfig, extra: { poolMax?: number; entities?: EntitySchema<any>[] } = {}): Options {
  return ormOptions({
    database,
    entities: [...allEntities, ...(extra.entities ?? [])],
    migrations: { postgresql: postgresqlMigrations, sqlite: sqliteMigrations },
    subscribers: [new OutboxFlushSubscriber()],
    poolMax: extra.poolMax,
  });
}
