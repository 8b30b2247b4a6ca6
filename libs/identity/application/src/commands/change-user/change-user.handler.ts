import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import { IdentityErrors, orgDirectory, UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';
import { ChangeUserCommand } from './change-user.command';

@CommandHandler(ChangeUserCommand)
export class ChangeUserHandler implements ICommandHandler<ChangeUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ actorId, userId, changes }: ChangeUserCommand): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityErrors.userNotFound(userId);
    // One save after every change: a refused part (a loop, the admin's own role) stores nothing.
    if (changes.team !== undefined || changes.reportsTo !== undefined) {
      const directory = orgDirectory(await this.users.list({}));
      user.placeInOrg({ team: changes.team === undefined ? user.team : changes.team, reportsTo: changes.reportsTo === undefined ? user.reportsTo : changes.reportsTo }, directory);
    }
    if (changes.role !== undefined) user.changeRole(changes.role, actorId);
    await this.users.save(user);
    return toUserSummary(user);
  }
}
