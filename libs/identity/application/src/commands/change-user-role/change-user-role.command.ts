import { Command } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import type { Role } from '@qa/shared-kernel';

/** An admin gives another user a role; it applies to that user's next request. */
export class ChangeUserRoleCommand extends Command<UserSummary> {
  constructor(
    readonly actorId: string,
    readonly userId: string,
    readonly role: Role,
  ) {
    super();
  }
}
