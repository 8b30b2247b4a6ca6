import { CreateCatalogHandler } from './commands/create-catalog/create-catalog.handler';

/** Every command and query handler of the context, for its Nest modules. */
export const catalogHandlers = [CreateCatalogHandler];
