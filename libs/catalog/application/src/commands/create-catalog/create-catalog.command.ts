import { Command } from '@nestjs/cqrs';

/** Creates a catalog; answers its id. */
export class CreateCatalogCommand extends Command<{ id: string }> {
  constructor(readonly name: string) {
    super();
  }
}
