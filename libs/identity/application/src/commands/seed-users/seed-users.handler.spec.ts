import { User } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryUsers, PlainHasher } from '../../testing/in-memory-identity';
import { SeedUsersCommand } from './seed-users.command';
import { SeedUsersHandler } from './seed-users.handler';

const demo = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const },
  { email: 'rep@example.com', name: 'Rita Rep', role: 'rep' as const },
];

describe('SeedUsersHandler', () => {
  it('creates the users with one password into a database without users', async () => {
    const users = new MemoryUsers();
    expect(await new SeedUsersHandler(users, new PlainHasher(), new ManualClock()).execute(new SeedUsersCommand(demo, 'demo'))).toEqual({ seeded: true });
    expect([...users.users.values()].map((u) => [u.email, u.role, u.passwordHash])).toEqual([
      ['admin@example.com', 'admin', 'plain:demo'],
      ['rep@example.com', 'rep', 'plain:demo'],
    ]);
  });

  it('changes nothing in a database with any user', async () => {
    const users = new MemoryUsers();
    await users.save(User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'plain:changed' }));
    expect(await new SeedUsersHandler(users, new PlainHasher(), new ManualClock()).execute(new SeedUsersCommand(demo, 'demo'))).toEqual({ seeded: false });
    expect([...users.users.values()].map((u) => [u.email, u.passwordHash])).toEqual([['rep@example.com', 'plain:changed']]);
  });
});
