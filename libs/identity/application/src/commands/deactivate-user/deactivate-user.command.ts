import { Command } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';

/** An admin takes a user out of use: no login, and every session and API token of theirs ends now. */
export class DeactivateUserCommand extends Command<UserSummary> {
  constructor(
    /** The admin doing it (never the user themselves). */
    readonly actorId: string,
    readonly userId: string,
  ) {
    super();
  }
}
