import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionRepository } from '@qa/identity-domain';
import { hashSecret } from '../../shared/secrets';
import { LogOutCommand } from './log-out.command';

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(private readonly sessions: SessionRepository) {}

  async execute({ sessionToken }: LogOutCommand): Promise<void> {
    await this.sessions.deleteByTokenHash(hashSecret(sessionToken));
  }
}
