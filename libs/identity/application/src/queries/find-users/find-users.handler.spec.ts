import { FindUsersQuery } from '@qa/identity-contracts';
import { User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { FindUsersHandler } from './find-users.handler';

describe('FindUsersHandler', () => {
  it('answers the users of these ids, inactive ones included and unknown ids left out', async () => {
    const users = new MemoryUsers();
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    const gone = User.create({ email: 'gone@example.com', name: 'Gone', role: 'manager', passwordHash: 'x' });
    gone.deactivate('admin-1');
    const other = User.create({ email: 'other@example.com', name: 'Other', role: 'rep', passwordHash: 'x' });
    for (const u of [rep, gone, other]) await users.save(u);
    expect(await new FindUsersHandler(users).execute(new FindUsersQuery([rep.id, gone.id, 'nobody']))).toEqual([
      { id: rep.id, email: 'rep@example.com', name: 'Rita', role: 'rep', active: true, team: null, reportsTo: null },
      { id: gone.id, email: 'gone@example.com', name: 'Gone', role: 'manager', active: false, team: null, reportsTo: null },
    ]);
  });
});
