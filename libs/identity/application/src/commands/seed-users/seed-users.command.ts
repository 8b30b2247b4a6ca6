import { Command } from '@nestjs/cqrs';
import type { Role } from '@qa/shared-kernel';

/** A user to seed; `reportsTo` is the e-mail of a user listed before this one. */
export interface SeedUser {
  email: string;
  name: string;
  role: Role;
  team?: string;
  reportsTo?: string;
}

/**
 * Creates these users with one password, but only into a database that has no user at all: run
 * against an installation in use it changes nothing (no account is added, no password reset).
 */
export class SeedUsersCommand extends Command<{ seeded: boolean }> {
  constructor(
    readonly users: ReadonlyArray<SeedUser>,
    readonly password: string,
  ) {
    super();
  }
}
