// @qa/catalog-infrastructure: MikroORM mappings and repositories, adapters.
export * from './catalog.schema';
export * from './mikro-orm-catalog.repository';
