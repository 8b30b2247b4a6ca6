// @qa/audit-infrastructure: the audit trail's table and repository.
export * from './audit.entities';
export * from './mikro-orm-audit-entry.repository';
