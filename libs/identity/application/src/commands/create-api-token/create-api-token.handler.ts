import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiToken, ApiTokenRepository } from '@qa/identity-domain';
import { Clock, uuidv7 } from '@qa/shared-kernel';
import { hashSecret, newSecret } from '../../shared/secrets';
import { CreateApiTokenCommand, type CreatedApiToken } from './create-api-token.command';

@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiTokenCommand> {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, name, lifetimeDays }: CreateApiTokenCommand): Promise<CreatedApiToken> {
    const secret = newSecret('qa_t_');
    const token = ApiToken.issue({ id: uuidv7(), userId, name: name.trim(), tokenHash: hashSecret(secret), prefix: secret.slice(0, 9), now: this.clock.now(), lifetimeDays });
    await this.tokens.save(token);
    return { id: token.id, name: token.name, prefix: token.prefix, createdAt: token.createdAt, expiresAt: token.expiresAt, token: secret };
  }
}
