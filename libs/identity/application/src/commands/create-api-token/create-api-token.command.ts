import { Command } from '@nestjs/cqrs';

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  /** The secret itself: returned once, never stored (nor kept for an Idempotency-Key replay). */
  token: string;
}

export class CreateApiTokenCommand extends Command<CreatedApiToken> {
  constructor(
    readonly userId: string,
    readonly name: string,
    /** 1 to ApiToken.MAX_LIFETIME_DAYS; ApiToken.DEFAULT_LIFETIME_DAYS when absent. */
    readonly lifetimeDays?: number,
  ) {
    super();
  }
}
