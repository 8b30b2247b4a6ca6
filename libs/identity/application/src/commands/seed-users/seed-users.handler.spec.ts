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

  it('places the users in the org: a team, and managers by the e-mail of a user seeded before', async () => {
    const users = new MemoryUsers();
    const org = [
      { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' as const },
      { email: 'manager@example.com', name: 'Max Manager', role: 'manager' as const, team: 'Sales', reportsTo: 'admin@example.com' },
      { email: 'rep@example.com', name: 'Rita Rep', role: 'rep' as const, team: 'Sales', reportsTo: 'Manager@example.com' },
    ];
    await new SeedUsersHandler(users, new PlainHasher(), new ManualClock()).execute(new SeedUsersCommand(org, 'demo'));
    const seeded = [...users.users.values()];
    const idOf = (email: string) => seeded.find((u) => u.email === email)?.id;
    expect(seeded.map((u) => [u.email, u.team, u.reportsTo])).toEqual([
      ['admin@example.com', null, null],
      ['manager@example.com', 'Sales', idOf('admin@example.com')],
      ['rep@example.com', 'Sales', idOf('manager@example.com')],
    ]);
    expect(idOf('admin@example.com')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a manager who is not seeded before the user', async () => {
    const users = new MemoryUsers();
    const handler = new SeedUsersHandler(users, new PlainHasher(), new ManualClock());
    await expect(handler.execute(new SeedUsersCommand([{ email: 'rep@example.com', name: 'Rita', role: 'rep', reportsTo: 'boss@example.com' }], 'demo'))).rejects.toThrow(
      'seed: rep@example.com reports to boss@example.com, who is not listed before them',
    );
    expect(users.users.size).toBe(0);
  });

  it('changes nothing in a database with any user', async () => {
    const users = new MemoryUsers();
    await users.save(User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'plain:changed' }));
    expect(await new SeedUsersHandler(users, new PlainHasher(), new ManualClock()).execute(new SeedUsersCommand(demo, 'demo'))).toEqual({ seeded: false });
    expect([...users.users.values()].map((u) => [u.email, u.passwordHash])).toEqual([['rep@example.com', 'plain:changed']]);
  });
});
