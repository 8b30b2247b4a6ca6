import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import { IdentityErrors, UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';
import { ChangeUserRoleCommand } from './change-user-role.command';

@CommandHandler(ChangeUserRoleCommand)
export class ChangeUserRoleHandler implements ICommandHandler<ChangeUserRoleCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ actorId, userId, role }: ChangeUserRoleCommand): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityErrors.userNotFound(userId);
    user.changeRole(role, actorId);
    await this.users.save(user);
    return toUserSummary(user);
  }
}
