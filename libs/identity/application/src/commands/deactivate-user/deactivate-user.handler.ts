import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import { ApiTokenRepository, IdentityErrors, SessionRepository, UserRepository } from '@qa/identity-domain';
import { Clock } from '@qa/shared-kernel';
import { toUserSummary } from '../../shared/user-summary';
import { DeactivateUserCommand } from './deactivate-user.command';

@CommandHandler(DeactivateUserCommand)
export class DeactivateUserHandler implements ICommandHandler<DeactivateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ actorId, userId }: DeactivateUserCommand): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityErrors.userNotFound(userId);
    user.deactivate(actorId);
    // The flag alone already refuses the user's credentials (ResolveCaller checks it); the
    // sessions and tokens are ended too, so reactivating does not bring old credentials back.
    await this.users.save(user);
    await this.sessions.deleteForUser(user.id);
    await this.tokens.revokeAllForUser(user.id, this.clock.now());
    return toUserSummary(user);
  }
}
