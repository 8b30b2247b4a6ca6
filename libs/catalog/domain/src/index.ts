// @qa/catalog-domain: Aggregates, value objects, domain errors and repository ports. No framework imports.
export * from './catalog';
export * from './catalog.repository';
export * from './catalog.errors';
