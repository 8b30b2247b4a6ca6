import { Command } from '@nestjs/cqrs';
import type { Role } from '@qa/shared-kernel';

/**
 * Creates these users with one password, but only into a database that has no user at all: run
 * against an installation in use it changes nothing (no account is added, no password reset).
 */
export class SeedUsersCommand extends Command<{ seeded: boolean }> {
  constructor(
    readonly users: ReadonlyArray<{ email: string; name: string; role: Role }>,
    readonly password: string,
  ) {
    super();
  }
}
