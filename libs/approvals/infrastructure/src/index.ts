// @qa/approvals-infrastructure: MikroORM mappings and repositories of approvals.
export * from './approvals.schemas';
export * from './mikro-orm-approval-settings.repository';
export * from './mikro-orm-approval-request.repository';
