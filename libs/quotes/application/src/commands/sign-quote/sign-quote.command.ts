import { Command } from '@nestjs/cqrs';

/** The buyer accepts and signs a shared quote (no login: the unguessable link is the key). */
export class SignQuoteCommand extends Command<void> {
  constructor(
    readonly shareSlug: string,
    readonly signer: { name: string; email: string },
  ) {
    super();
  }
}
