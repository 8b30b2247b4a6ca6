// @qa/audit-application: recording audited events (reactions: the trail and the approval ledger), reading the trail, exporting and verifying the ledger.
export * from './reactions/record-audit-entry/audited-events';
export * from './reactions/record-audit-entry/record-audit-entry.handler';
export * from './queries/list-audit-entries/list-audit-entries.query';
export * from './reactions/append-to-ledger/ledger-events';
export * from './reactions/append-to-ledger/append-to-ledger.handler';
export * from './queries/export-ledger/export-ledger.query';
export * from './queries/export-ledger/export-ledger.handler';
export * from './queries/export-ledger/ledger-format';
export * from './queries/verify-ledger/verify-ledger.query';
export * from './queries/verify-ledger/verify-ledger.handler';
export * from './shared/ledger-sha256';
export * from './audit.providers';
