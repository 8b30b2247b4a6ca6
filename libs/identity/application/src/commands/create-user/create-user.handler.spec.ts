import { User } from '@qa/identity-domain';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryUsers, PlainHasher } from '../../testing/in-memory-identity';
import { CreateUserCommand } from './create-user.command';
import { CreateUserHandler } from './create-user.handler';

describe('CreateUserHandler', () => {
  it('creates an active user with a hashed password and a normalised e-mail', async () => {
    const users = new MemoryUsers();
    const clock = new ManualClock('2026-11-26T10:00:00Z');
    const { id } = await new CreateUserHandler(users, new PlainHasher(), clock).execute(new CreateUserCommand(' Max@Example.com ', ' Max ', 'manager', 'secret'));
    const user = users.users.get(id)!;
    expect([user.email, user.name, user.role, user.active, user.passwordHash, user.createdAt]).toEqual(['max@example.com', 'Max', 'manager', true, 'plain:secret', clock.now()]);
  });

  it('refuses an e-mail in use (whatever its case), changing nothing', async () => {
    const users = new MemoryUsers();
    const existing = User.create({ email: 'max@example.com', name: 'Max', role: 'rep', passwordHash: 'plain:old' });
    await users.save(existing);
    await expect(new CreateUserHandler(users, new PlainHasher(), new ManualClock()).execute(new CreateUserCommand('MAX@example.com', 'Other', 'admin', 'new'))).rejects.toMatchObject({
      code: 'IDENTITY.EMAIL_TAKEN',
    });
    expect([users.users.size, existing.passwordHash, existing.role]).toEqual([1, 'plain:old', 'rep']);
  });
});
