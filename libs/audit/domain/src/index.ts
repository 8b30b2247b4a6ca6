// @qa/audit-domain: the audit trail's entry and its repository port. No framework imports.
export * from './audit-entry';
