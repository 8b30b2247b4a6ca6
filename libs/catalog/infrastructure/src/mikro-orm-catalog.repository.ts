import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Catalog, CatalogRepository } from '@qa/catalog-domain';

@Injectable()
export class MikroOrmCatalogRepository extends CatalogRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(Catalog, { id });
  }
  async save(catalog: Catalog) {
    await this.em.persistAndFlush(catalog);
  }
}
