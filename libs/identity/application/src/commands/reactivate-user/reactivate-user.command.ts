import { Command } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';

/** An admin lets a deactivated user log in again (their old sessions and tokens stay ended). */
export class ReactivateUserCommand extends Command<UserSummary> {
  constructor(readonly userId: string) {
    super();
  }
}
