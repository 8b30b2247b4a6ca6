// @qa/workflows-infrastructure: MikroORM mappings and repositories, adapters.
export {};
