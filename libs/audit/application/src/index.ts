// @qa/audit-application: recording audited events (a reaction), and reading the trail.
export * from './reactions/record-audit-entry/audited-events';
export * from './reactions/record-audit-entry/record-audit-entry.handler';
export * from './queries/list-audit-entries/list-audit-entries.query';
export * from './audit.providers';
