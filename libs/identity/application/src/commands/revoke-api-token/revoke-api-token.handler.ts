import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTokenRepository, IdentityErrors } from '@qa/identity-domain';
import { Clock } from '@qa/shared-kernel';
import { RevokeApiTokenCommand } from './revoke-api-token.command';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, tokenId }: RevokeApiTokenCommand): Promise<void> {
    const now = this.clock.now();
    const token = await this.tokens.findById(tokenId);
    // Someone else's token answers like a missing one: its existence is not the caller's business.
    if (!token || token.userId !== userId || !token.isActive(now)) throw IdentityErrors.apiTokenNotFound(tokenId);
    token.revoke(now);
    await this.tokens.save(token);
  }
}
