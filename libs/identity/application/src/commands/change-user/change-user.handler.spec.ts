import { User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { ChangeUserCommand } from './change-user.command';
import { ChangeUserHandler } from './change-user.handler';

async function world() {
  const users = new MemoryUsers();
  const admin = User.create({ email: 'admin@example.com', name: 'Ada', role: 'admin', passwordHash: 'x' });
  const manager = User.create({ email: 'max@example.com', name: 'Max', role: 'manager', passwordHash: 'x' });
  const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
  for (const u of [admin, manager, rep]) {
    await users.save(u);
    u.pullEvents();
  }
  return { users, admin, manager, rep, handler: new ChangeUserHandler(users) };
}

describe('ChangeUserHandler', () => {
  it('gives another user a role and records the change with the previous role', async () => {
    const { admin, rep, handler } = await world();
    expect(await handler.execute(new ChangeUserCommand(admin.id, rep.id, { role: 'manager' }))).toEqual({
      id: rep.id,
      email: 'rep@example.com',
      name: 'Rita',
      role: 'manager',
      active: true,
      team: null,
      reportsTo: null,
    });
    expect(rep.pullEvents().map((e) => [e.name, e.payload['role'], e.payload['previousRole']])).toEqual([['identity.user.role-changed.v1', 'manager', 'rep']]);
  });

  it('puts a user in a team under a manager, keeping what is not sent, with role and org in one go', async () => {
    const { admin, manager, rep, handler } = await world();
    expect(await handler.execute(new ChangeUserCommand(admin.id, rep.id, { team: 'Sales', reportsTo: manager.id }))).toMatchObject({ team: 'Sales', reportsTo: manager.id, role: 'rep' });
    expect(await handler.execute(new ChangeUserCommand(admin.id, rep.id, { team: 'Key accounts' }))).toMatchObject({ team: 'Key accounts', reportsTo: manager.id });
    expect(await handler.execute(new ChangeUserCommand(admin.id, rep.id, { reportsTo: null, role: 'manager' }))).toMatchObject({ team: 'Key accounts', reportsTo: null, role: 'manager' });
    expect(rep.pullEvents().map((e) => [e.name, e.payload['team'], e.payload['reportsTo'], e.payload['previousTeam'], e.payload['role']])).toEqual([
      ['identity.user.org-changed.v1', 'Sales', manager.id, null, 'rep'],
      ['identity.user.org-changed.v1', 'Key accounts', manager.id, 'Sales', 'rep'],
      ['identity.user.org-changed.v1', 'Key accounts', null, 'Key accounts', 'rep'],
      ['identity.user.role-changed.v1', undefined, undefined, undefined, 'manager'],
    ]);
  });

  it('lets an admin place themselves in the org (it grants nothing), their unchanged role included', async () => {
    const { admin, handler } = await world();
    expect(await handler.execute(new ChangeUserCommand(admin.id, admin.id, { team: 'Board', role: 'admin' }))).toMatchObject({ team: 'Board', role: 'admin' });
  });

  it('refuses a loop through the stored org, changing neither org nor role', async () => {
    const { users, admin, manager, rep, handler } = await world();
    await handler.execute(new ChangeUserCommand(admin.id, rep.id, { reportsTo: manager.id }));
    rep.pullEvents();
    await expect(handler.execute(new ChangeUserCommand(admin.id, manager.id, { team: 'Sales', reportsTo: rep.id, role: 'admin' }))).rejects.toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      details: { fields: [{ field: 'reportsTo', reason: 'would make a loop: Max → Rita → Max' }], path: [manager.id, rep.id, manager.id] },
    });
    expect(await users.findById(manager.id)).toMatchObject({ team: null, reportsTo: null, role: 'manager' });
    expect(manager.pullEvents()).toEqual([]);
  });

  it('refuses an unknown user, an unknown manager and the admin’s own role', async () => {
    const { admin, rep, handler } = await world();
    await expect(handler.execute(new ChangeUserCommand(admin.id, 'nobody', { role: 'rep' }))).rejects.toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
    await expect(handler.execute(new ChangeUserCommand(admin.id, rep.id, { reportsTo: 'nobody' }))).rejects.toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      details: { fields: [{ field: 'reportsTo', reason: 'unknown user' }] },
    });
    await expect(handler.execute(new ChangeUserCommand(admin.id, admin.id, { role: 'rep' }))).rejects.toMatchObject({ code: 'IDENTITY.CANNOT_CHANGE_SELF' });
    expect([admin.role, rep.reportsTo]).toEqual(['admin', null]);
  });
});
