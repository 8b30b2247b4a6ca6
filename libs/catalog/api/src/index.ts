// @qa/catalog-api: HTTP controllers and DTOs, queue processors, the Nest modules.
export * from './catalog.module';
