import { MikroORM } from '@mikro-orm/core';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '@qa/shared-config';
import { databaseOptions } from './database-options';
import { migrateDatabase } from './migrate';

/** After the migrations, the schema equals what the entity mappings describe, on both databases. */
async function pendingSchemaChanges(database: DatabaseConfig): Promise<string> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    return (await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim();
  } finally {
    await orm.close(true);
  }
}

describe('migrations', () => {
  it('build the mapped schema on SQLite, and running them again does nothing', async () => {
    const database: DatabaseConfig = { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'test.sqlite') };
    expect((await migrateDatabase(database)).length).toBeGreaterThan(0);
    expect(await migrateDatabase(database)).toEqual([]);
    expect(await pendingSchemaChanges(database)).toBe('');
  });

  it('build the mapped schema on PostgreSQL, and running them again does nothing', async () => {
    const testDatabase = await createTestDatabase('qa_migrations');
    try {
      const database: DatabaseConfig = { kind: 'postgresql', url: testDatabase.url };
      expect((await migrateDatabase(database)).length).toBeGreaterThan(0);
      expect(await migrateDatabase(database)).toEqual([]);
      expect(await pendingSchemaChanges(database)).toBe('');
    } finally {
      await testDatabase.drop();
    }
  });

  it('open PostgreSQL connections without JIT compilation', async () => {
    const testDatabase = await createTestDatabase('qa_connection');
    const orm = await MikroORM.init(databaseOptions({ kind: 'postgresql', url: testDatabase.url }, { poolMax: 2 }));
    try {
      const [{ jit }] = await orm.em.getConnection().execute<Array<{ jit: string }>>('show jit');
      expect(jit).toBe('off');
      const [{ server }] = await orm.em.getConnection().execute<Array<{ server: string }>>(`select boot_val as server from pg_settings where name = 'jit'`);
      expect(server).toBe('on');
    } finally {
      await orm.close(true);
      await testDatabase.drop();
    }
  });
});
