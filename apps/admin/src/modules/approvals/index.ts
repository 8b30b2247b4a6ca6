// What other modules may use from approvals: the one-line approval summary of a quote and the
// approval link (the approval page's path) of a quote.
export { default as ApprovalSummary } from './approval-summary.vue';

/** The stable approval link of a quote (a path in the app; make it absolute for the clipboard). */
export function approvalPath(quoteId: string): string {
  return `/quotes/${encodeURIComponent(quoteId)}/approval`;
}
