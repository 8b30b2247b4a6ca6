import { Command } from '@nestjs/cqrs';
import type { Role } from '@qa/shared-kernel';

/** Creates a user, or updates name, role and password of the one with that e-mail. */
export class CreateUserCommand extends Command<{ id: string; created: boolean }> {
  constructor(
    readonly email: string,
    readonly name: string,
    readonly role: Role,
    readonly password: string,
  ) {
    super();
  }
}
