// @qa/approvals-infrastructure: MikroORM mappings and repositories, adapters.
export {};
