// @qa/approvals-infrastructure: MikroORM mappings and repositories of approvals.
export * from './approvals.schemas';
export * from './mikro-orm-approval-settings.repository';
export * from './mikro-orm-approval-request.repository';
export * from './mikro-orm-approval-timer.repository';
export * from './approval-link-use.schema';
export * from './mikro-orm-approval-link-uses';
export * from './mikro-orm-delegation.repository';
export * from './policy-version.schema';
export * from './mikro-orm-policy-versions';
export * from './policy-dry-run.schema';
export * from './mikro-orm-policy-dry-runs';
