import { MikroORM } from '@mikro-orm/core';
import { Session, User } from '@qa/identity-domain';
import { MikroOrmSessionRepository } from '@qa/identity-infrastructure';
import { databaseOptions, migrateDatabase } from '@qa/platform-database';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every request of a logged-in user finds its session and user in one statement; the entities it
 * maps must be the same as the ORM's own (dates, booleans) on both databases, and stay managed.
 */
async function checkSessionLookup(database: DatabaseConfig): Promise<void> {
  await migrateDatabase(database);
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const now = new Date('2026-11-27T10:00:00.000Z');
    const user = User.create({ email: 'rita@example.com', name: 'Rita Rep', role: 'rep', passwordHash: 'x', now });
    const session = Session.open({ id: 'session-1', tokenHash: 'a'.repeat(64), userId: user.id, ttlMs: 3_600_000, now });
    await orm.em.fork().persistAndFlush([user, session]);

    const em = orm.em.fork();
    const sessions = new MikroOrmSessionRepository(em);
    const found = await sessions.findWithUserByTokenHash('a'.repeat(64));
    expect(found?.user).toMatchObject({ id: user.id, email: 'rita@example.com', name: 'Rita Rep', role: 'rep', active: true, createdAt: now });
    expect(found?.user).toBeInstanceOf(User);
    expect(found?.session).toMatchObject({ id: 'session-1', userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) });
    expect(found?.session).toBeInstanceOf(Session);
    expect(await sessions.findWithUserByTokenHash('b'.repeat(64))).toBeNull();

    // Managed: a touched session is saved as the ORM's own entity would be.
    const later = new Date(now.getTime() + 3_000_000);
    expect(found!.session.touch(later, 3_600_000)).toBe(true);
    await sessions.save(found!.session);
    const reloaded = await orm.em.fork().findOneOrFail(Session, { id: 'session-1' });
    expect(reloaded.lastSeenAt).toEqual(later);
    expect(reloaded.expiresAt).toEqual(new Date(later.getTime() + 3_600_000));
  } finally {
    await orm.close(true);
  }
}

describe('session lookup (session and user in one statement)', () => {
  it('maps both entities on SQLite', async () => {
    await checkSessionLookup({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'test.sqlite') });
  });

  it('maps both entities on PostgreSQL', async () => {
    const testDatabase = await createTestDatabase('qa_session_lookup');
    try {
      await checkSessionLookup({ kind: 'postgresql', url: testDatabase.url });
    } finally {
      await testDatabase.drop();
    }
  });
});
