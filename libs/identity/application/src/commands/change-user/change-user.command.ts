import { Command } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import type { Role } from '@qa/shared-kernel';

/** What an admin changes of a user: absent fields stay as they are; null team or reportsTo removes it. */
export interface UserChanges {
  role?: Role;
  team?: string | null;
  reportsTo?: string | null;
}

/**
 * An admin changes a user at once (all or nothing): another user's role (it applies to their next
 * request), and anyone's place in the org (team, manager), their own included.
 */
export class ChangeUserCommand extends Command<UserSummary> {
  constructor(
    readonly actorId: string,
    readonly userId: string,
    readonly changes: UserChanges,
  ) {
    super();
  }
}
