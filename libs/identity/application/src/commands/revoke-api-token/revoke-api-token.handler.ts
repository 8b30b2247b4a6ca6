import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTokenRepository, IdentityErrors } from '@qa/identity-domain';
import { RevokeApiTokenCommand } from './revoke-api-token.command';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(private readonly tokens: ApiTokenRepository) {}

  async execute({ userId, tokenId }: RevokeApiTokenCommand): Promise<void> {
    const token = await this.tokens.findById(tokenId);
    // Someone else's token answers like a missing one: its existence is not the caller's business.
    if (!token || token.userId !== userId || !token.isActive()) throw IdentityErrors.apiTokenNotFound(tokenId);
    token.revokedAt = new Date();
    await this.tokens.save(token);
  }
}
