import { orgDirectory, User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { ListOrgDirectoryHandler } from './list-org-directory.handler';

describe('ListOrgDirectoryHandler', () => {
  it('answers every user, inactive ones included, with team and manager', async () => {
    const users = new MemoryUsers();
    const director = User.create({ email: 'ada@example.com', name: 'Ada', role: 'admin', passwordHash: 'x' });
    const manager = User.create({ email: 'max@example.com', name: 'Max', role: 'manager', passwordHash: 'x' });
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    const gone = User.create({ email: 'gone@example.com', name: 'Gone', role: 'rep', passwordHash: 'x' });
    const directory = () => orgDirectory([director, manager, rep, gone]);
    manager.placeInOrg({ team: 'Sales', reportsTo: director.id }, directory());
    rep.placeInOrg({ team: 'Sales', reportsTo: manager.id }, directory());
    gone.placeInOrg({ team: 'Sales', reportsTo: manager.id }, directory());
    gone.deactivate(director.id);
    for (const u of [director, manager, rep, gone]) await users.save(u);

    const answer = await new ListOrgDirectoryHandler(users).execute();
    expect(answer.map((u) => [u.name, u.role, u.active, u.team, u.reportsTo])).toEqual([
      ['Ada', 'admin', true, null, null],
      ['Max', 'manager', true, 'Sales', director.id],
      ['Rita', 'rep', true, 'Sales', manager.id],
      ['Gone', 'rep', false, 'Sales', manager.id],
    ]);
    expect(answer.every((u) => !Object.keys(u).includes('passwordHash'))).toBe(true);
  });
});
