// @qa/notifications-infrastructure: MikroORM mappings and repositories, adapters.
export {};
