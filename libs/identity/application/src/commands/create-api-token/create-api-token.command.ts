import { Command } from '@nestjs/cqrs';

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The secret itself: returned once, never stored. */
  token: string;
}

export class CreateApiTokenCommand extends Command<CreatedApiToken> {
  constructor(
    readonly userId: string,
    readonly name: string,
  ) {
    super();
  }
}
