// @qa/quotes-domain: Aggregates, value objects, domain events, errors and repository ports. No framework imports.
export {};
