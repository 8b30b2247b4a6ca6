import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import { IdentityErrors, UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';
import { ReactivateUserCommand } from './reactivate-user.command';

@CommandHandler(ReactivateUserCommand)
export class ReactivateUserHandler implements ICommandHandler<ReactivateUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: ReactivateUserCommand): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityErrors.userNotFound(userId);
    user.reactivate();
    await this.users.save(user);
    return toUserSummary(user);
  }
}
