import { User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { ChangeUserRoleCommand } from './change-user-role.command';
import { ChangeUserRoleHandler } from './change-user-role.handler';

describe('ChangeUserRoleHandler', () => {
  it('gives another user a role and records the change with the previous role', async () => {
    const users = new MemoryUsers();
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    await users.save(rep);
    rep.pullEvents();
    expect(await new ChangeUserRoleHandler(users).execute(new ChangeUserRoleCommand('admin-1', rep.id, 'manager'))).toEqual({ id: rep.id, email: 'rep@example.com', name: 'Rita', role: 'manager', active: true });
    expect(rep.pullEvents().map((e) => [e.name, e.payload['role'], e.payload['previousRole']])).toEqual([['identity.user.role-changed.v1', 'manager', 'rep']]);
  });

  it('refuses an unknown user and the admin’s own role', async () => {
    const users = new MemoryUsers();
    const admin = User.create({ email: 'admin@example.com', name: 'Ada', role: 'admin', passwordHash: 'x' });
    await users.save(admin);
    const handler = new ChangeUserRoleHandler(users);
    await expect(handler.execute(new ChangeUserRoleCommand(admin.id, 'nobody', 'rep'))).rejects.toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
    await expect(handler.execute(new ChangeUserRoleCommand(admin.id, admin.id, 'rep'))).rejects.toMatchObject({ code: 'IDENTITY.CANNOT_CHANGE_SELF' });
    expect(admin.role).toBe('admin');
  });
});
