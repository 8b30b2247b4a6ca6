import { Catalog, CatalogRepository } from '@qa/catalog-domain';
import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { CreateCatalogCommand } from './create-catalog.command';
import { CreateCatalogHandler } from './create-catalog.handler';

class MemoryCatalogRepository extends CatalogRepository {
  readonly saved = new Map<string, Catalog>();
  async findById(id: string) {
    return this.saved.get(id) ?? null;
  }
  async save(catalog: Catalog) {
    this.saved.set(catalog.id, catalog);
  }
}

describe('CreateCatalogHandler', () => {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let repository: MemoryCatalogRepository;
  beforeEach(() => {
    repository = new MemoryCatalogRepository();
  });

  it('saves a new catalog created now and answers its id', async () => {
    const { id } = await new CreateCatalogHandler(repository, clock).execute(new CreateCatalogCommand(' First '));
    const saved = await repository.findById(id);
    expect(saved).toMatchObject({ id, name: 'First', createdAt: clock.now() });
    expect(saved?.pullEvents().map((e) => e.name)).toEqual(['catalog.catalog.created.v1']);
  });

  it('saves nothing when the name is blank', async () => {
    await expect(new CreateCatalogHandler(repository, clock).execute(new CreateCatalogCommand(''))).rejects.toMatchObject({ code: 'CATALOG.NAME_REQUIRED' });
    expect(repository.saved.size).toBe(0);
  });
});
