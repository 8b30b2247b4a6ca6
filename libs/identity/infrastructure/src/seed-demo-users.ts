import type { CommandBus } from '@nestjs/cqrs';
import { SeedUsersCommand, type PasswordHasher } from '@qa/identity-application';
import { normaliseEmail, type UserRepository } from '@qa/identity-domain';
import type { Role } from '@qa/shared-kernel';

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'manager@example.com', name: 'Max Manager', role: 'manager' },
  { email: 'rep@example.com', name: 'Rita Rep', role: 'rep' },
  { email: 'rep2@example.com', name: 'Remy Rep', role: 'rep' },
];

/**
 * Creates the demo users with the password `demo`, only into a database without any user; true
 * when it did. Never touches an existing account (a changed password stays changed).
 */
export async function seedDemoUsers(commands: CommandBus): Promise<boolean> {
  return (await commands.execute(new SeedUsersCommand(DEMO_USERS, DEMO_PASSWORD))).seeded;
}

/** The demo accounts that are active and still open with the password `demo` (what production refuses). */
export async function findOpenDemoAccounts(users: UserRepository, hasher: PasswordHasher): Promise<string[]> {
  const open: string[] = [];
  for (const { email } of DEMO_USERS) {
    const user = await users.findByEmail(normaliseEmail(email));
    if (user?.active && (await hasher.verify(user.passwordHash, DEMO_PASSWORD))) open.push(user.email);
  }
  return open;
}
