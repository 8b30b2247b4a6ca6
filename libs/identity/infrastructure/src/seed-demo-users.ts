import type { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import type { Role } from '@qa/shared-kernel';

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'manager@example.com', name: 'Max Manager', role: 'manager' },
  { email: 'rep@example.com', name: 'Rita Rep', role: 'rep' },
  { email: 'rep2@example.com', name: 'Remy Rep', role: 'rep' },
];

/** Creates (or resets) the demo users with the password `demo`. Safe to run again. */
export async function seedDemoUsers(commands: CommandBus): Promise<void> {
  for (const user of DEMO_USERS) {
    await commands.execute(new CreateUserCommand(user.email, user.name, user.role, DEMO_PASSWORD));
  }
}
