import { Command } from '@nestjs/cqrs';

export class RevokeApiTokenCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly tokenId: string,
  ) {
    super();
  }
}
