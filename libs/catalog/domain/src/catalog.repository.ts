import type { Catalog } from './catalog';

/** Where catalog aggregates are kept; infrastructure implements it. */
export abstract class CatalogRepository {
  abstract findById(id: string): Promise<Catalog | null>;
  abstract save(catalog: Catalog): Promise<void>;
}
