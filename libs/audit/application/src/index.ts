// @qa/audit-application: recording audited events, and reading the trail.
import { AuditTrail } from './event-handlers/audit-trail';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler';

export * from './event-handlers/audit-trail';
export * from './event-handlers/audited-events';
export * from './queries/list-audit-entries/list-audit-entries.query';

export const auditProviders = [AuditTrail, ListAuditEntriesHandler];
