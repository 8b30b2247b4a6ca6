// @qa/approvals-contracts: what other contexts may know about approvals: the question quotes ask
// at submit, the round they close, and the events of approval requests.
export * from './approval-route';
export * from './watched-fields';
export * from './approval-queries';
export * from './approval-commands';
export * from './approval-events';
export * from './approval-step-events';
export * from './approval-limits';
