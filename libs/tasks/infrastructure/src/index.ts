// @qa/tasks-infrastructure: MikroORM mappings and repositories, adapters.
export {};
