import { CatalogCreated, type CatalogCreatedPayload } from '@qa/catalog-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { CatalogErrors } from './catalog.errors';

/** A catalog. Its rules live here, in the methods that change it; handlers only orchestrate. */
export class Catalog extends AggregateRoot {
  id!: string;
  version: number | undefined;
  name!: string;
  createdAt!: Date;

  protected get aggregateType() {
    return 'catalog';
  }

  static create(props: { name: string; now: Date }): Catalog {
    const name = props.name.trim();
    if (!name) throw CatalogErrors.nameRequired();
    const catalog = Object.assign(new Catalog(), { id: uuidv7(props.now.getTime()), version: undefined, name, createdAt: props.now });
    catalog.record(CatalogCreated, catalog.payload(), props.now);
    return catalog;
  }

  payload(): CatalogCreatedPayload {
    return { catalogId: this.id, name: this.name };
  }
}
