import { Command } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

export interface LogInResult {
  /** The secret for the session cookie; shown to nobody else. */
  sessionToken: string;
  expiresAt: Date;
  caller: Caller;
}

export class LogInCommand extends Command<LogInResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** The client's address, part of the throttling key. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
