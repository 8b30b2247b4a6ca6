import { User } from '@qa/identity-domain';
import { describe, expect, it } from 'vitest';
import { MemoryUsers } from '../../testing/in-memory-identity';
import { ReactivateUserCommand } from './reactivate-user.command';
import { ReactivateUserHandler } from './reactivate-user.handler';

describe('ReactivateUserHandler', () => {
  it('lets a deactivated user log in again and records it', async () => {
    const users = new MemoryUsers();
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    rep.deactivate('admin-1');
    rep.pullEvents();
    await users.save(rep);
    expect(await new ReactivateUserHandler(users).execute(new ReactivateUserCommand(rep.id))).toEqual({ id: rep.id, email: 'rep@example.com', name: 'Rita', role: 'rep', active: true, team: null, reportsTo: null });
    expect(rep.pullEvents().map((e) => e.name)).toEqual(['identity.user.reactivated.v1']);
  });

  it('refuses an active user and an unknown one', async () => {
    const users = new MemoryUsers();
    const rep = User.create({ email: 'rep@example.com', name: 'Rita', role: 'rep', passwordHash: 'x' });
    await users.save(rep);
    const handler = new ReactivateUserHandler(users);
    await expect(handler.execute(new ReactivateUserCommand(rep.id))).rejects.toMatchObject({ code: 'IDENTITY.USER_ALREADY_ACTIVE' });
    await expect(handler.execute(new ReactivateUserCommand('nobody'))).rejects.toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
  });
});
