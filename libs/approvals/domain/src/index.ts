// @qa/approvals-domain: the approval policy (rules, conditions, routes) and how a quote's route is
// resolved, the approval request of each round, and the diff between rounds. No framework imports.
export * from './policy/condition-fields';
export * from './policy/conditions';
export * from './policy/base-currency';
export * from './policy/business-hours';
export * from './policy/approval-policy';
export * from './policy/route-resolution';
export * from './approval-request';
export * from './approval-link';
export * from './delegation';
export * from './approval-timer';
export * from './reapproval';
export * from './approval-limits';
export * from './approval-settings';
export * from './policy-version';
export * from './approval.errors';
export * from './dry-run/policy-dry-run';
export * from './dry-run/dry-run-tally';
