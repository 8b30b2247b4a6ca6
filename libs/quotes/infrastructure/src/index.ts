// @qa/quotes-infrastructure: MikroORM mappings and repositories, adapters.
export {};
