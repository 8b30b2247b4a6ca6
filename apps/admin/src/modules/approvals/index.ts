// What other modules may use from approvals: the one-line approval summary of a quote and the
// approval link (the approval page's path) of a quote.
export { default as ApprovalSummary } from './approval-summary.vue';
export { approvalPath } from './approval-path';
export { default as OutOfOfficeSection } from './out-of-office-section.vue';
