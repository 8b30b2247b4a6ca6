import { EntitySchema } from '@mikro-orm/core';
import { Catalog } from '@qa/catalog-domain';

export const CatalogSchema = new EntitySchema<Catalog>({
  class: Catalog,
  tableName: 'catalog_catalog',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    name: { type: 'string', length: 200 },
    createdAt: { type: 'datetime' },
  },
});

/** Add these to libs/platform/database/src/entities.ts, then write the migration (`npm run db:migration -- catalog`). */
export const catalogEntities = [CatalogSchema];
