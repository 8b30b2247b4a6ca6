// @qa/audit-domain: the audit trail's entry and its repository port, and the approval ledger
// (hash-chained entries and their verifier). No framework imports.
export * from './audit-entry';
export * from './ledger';
export * from './ledger-verify';
export * from './ledger-filter';
