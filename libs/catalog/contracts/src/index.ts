// @qa/catalog-contracts: What other contexts may know of this one: integration events and query DTOs. Other contexts import only this.
export * from './catalog.events';
export * from './products';
