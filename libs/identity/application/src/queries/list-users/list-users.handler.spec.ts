import { User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { ListUsersQuery } from './list-users.query';
import { ListUsersHandler } from './list-users.handler';

describe('ListUsersHandler', () => {
  it('lists the users (of these roles) without their password hashes', async () => {
    const users = new MemoryUsers();
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'secret-hash' });
    const manager = User.create({ email: 'max@example.com', name: 'Max', role: 'manager', passwordHash: 'secret-hash' });
    for (const u of [rep, manager]) await users.save(u);
    const handler = new ListUsersHandler(users);
    expect(await handler.execute(new ListUsersQuery({ roles: ['manager'] }))).toEqual([{ id: manager.id, email: 'max@example.com', name: 'Max', role: 'manager', active: true, team: null, reportsTo: null }]);
    expect((await handler.execute(new ListUsersQuery())).map((u) => [u.email, Object.keys(u).includes('passwordHash')])).toEqual([
      ['rep@example.com', false],
      ['max@example.com', false],
    ]);
  });
});
