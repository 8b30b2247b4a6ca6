// @qa/approvals-domain: approval rules, the approval request of each round, and the diff between
// rounds. No framework imports.
export * from './approval-rules';
export * from './approval-request';
export * from './approval-settings';
export * from './approval.errors';
