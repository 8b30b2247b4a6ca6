import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Catalog, CatalogRepository } from '@qa/catalog-domain';
import { Clock } from '@qa/shared-kernel';
import { CreateCatalogCommand } from './create-catalog.command';

@CommandHandler(CreateCatalogCommand)
export class CreateCatalogHandler implements ICommandHandler<CreateCatalogCommand> {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ name }: CreateCatalogCommand): Promise<{ id: string }> {
    const catalog = Catalog.create({ name, now: this.clock.now() });
    await this.repository.save(catalog);
    return { id: catalog.id };
  }
}
