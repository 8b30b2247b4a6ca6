// @qa/audit-infrastructure: the audit trail's and the approval ledger's tables and repositories.
export * from './audit.entities';
export * from './mikro-orm-audit-entry.repository';
export * from './audit-ledger.entities';
export * from './mikro-orm-ledger.repository';
