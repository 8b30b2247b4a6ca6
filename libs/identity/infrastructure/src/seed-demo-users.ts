import type { CommandBus } from '@nestjs/cqrs';
import { SeedUsersCommand, type PasswordHasher, type SeedUser } from '@qa/identity-application';
import { normaliseEmail, type UserRepository } from '@qa/identity-domain';

export const DEMO_PASSWORD = 'demo';

/** The demo org: the reps report to the sales manager, who reports to the admin (the director). */
export const DEMO_USERS: ReadonlyArray<SeedUser> = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', team: 'Management' },
  { email: 'manager@example.com', name: 'Max Manager', role: 'manager', team: 'Sales', reportsTo: 'admin@example.com' },
  { email: 'rep@example.com', name: 'Rita Rep', role: 'rep', team: 'Sales', reportsTo: 'manager@example.com' },
  { email: 'rep2@example.com', name: 'Remy Rep', role: 'rep', team: 'Sales', reportsTo: 'manager@example.com' },
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
