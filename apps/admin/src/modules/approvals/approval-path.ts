/** The stable approval link of a quote (a path in the app; make it absolute for the clipboard). */
export function approvalPath(quoteId: string): string {
  return `/quotes/${encodeURIComponent(quoteId)}/approval`;
}
