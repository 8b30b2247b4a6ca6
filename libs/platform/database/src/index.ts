// @qa/platform-database: the composition root of persistence: every context's entities and the
// migrations of both databases. Apps and tools build their MikroORM options here.
export * from './entities';
export * from './database-options';
export * from './migrate';
