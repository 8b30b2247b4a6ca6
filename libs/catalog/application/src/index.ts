// @qa/catalog-application: Use cases, one folder each: commands/&lt;use-case&gt;/, queries/&lt;use-case&gt;/, reactions/&lt;use-case&gt;/.
export * from './catalog.handlers';
export * from './commands/create-catalog/create-catalog.command';
