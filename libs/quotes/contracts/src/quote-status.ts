export const QUOTE_STATUSES = [
  'draft',
  'pending_approval',
  'changes_requested',
  'approved',
  'published',
  'approval_not_needed',
  'signed',
  'expired',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
