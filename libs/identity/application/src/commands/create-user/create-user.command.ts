import { Command } from '@nestjs/cqrs';
import type { Role } from '@qa/shared-kernel';

/** Creates a user; an e-mail already in use answers IDENTITY.EMAIL_TAKEN and changes nothing (no password is ever reset here). */
export class CreateUserCommand extends Command<{ id: string }> {
  constructor(
    readonly email: string,
    readonly name: string,
    readonly role: Role,
    readonly password: string,
  ) {
    super();
  }
}
