// @qa/audit-api: the audit log endpoint and the audit modules.
export * from './audit.module';
