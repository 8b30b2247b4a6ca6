import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n';
import { QUOTE_STATUSES, hasApprovalRound, isEditable, isRecallable, isSignable, mayHaveBuyerLink, statusLabelKey } from './quote-status';

describe('quote statuses', () => {
  it('names every status with the product’s English labels', () => {
    const { t } = createAppI18n('en').global;

    expect(QUOTE_STATUSES.map((status) => t(statusLabelKey(status)))).toEqual([
      'Draft',
      'Pending approval',
      'Changes requested',
      'Approved',
      'Published',
      'Approval not needed',
      'Signed',
      'Expired',
    ]);
  });

  it('names every status with the product’s Dutch labels', () => {
    const { t } = createAppI18n('nl').global;

    expect(QUOTE_STATUSES.map((status) => t(statusLabelKey(status)))).toEqual([
      'Concept',
      'Wacht op goedkeuring',
      'Wijzigingen aangevraagd',
      'Goedgekeurd',
      'Gepubliceerd',
      'Goedkeuring niet nodig',
      'Ondertekend',
      'Verlopen',
    ]);
  });

  it('allows editing only in Draft and Changes requested', () => {
    expect(QUOTE_STATUSES.filter(isEditable)).toEqual(['draft', 'changes_requested']);
  });

  it('allows a recall from Approved, Published and Approval not needed', () => {
    expect(QUOTE_STATUSES.filter(isRecallable)).toEqual(['approved', 'published', 'approval_not_needed']);
  });

  it('offers an approval link while Pending approval or Changes requested', () => {
    expect(QUOTE_STATUSES.filter(hasApprovalRound)).toEqual(['pending_approval', 'changes_requested']);
  });

  it('expects a buyer link while Published, Approval not needed or Signed, and a signature only before signing', () => {
    expect(QUOTE_STATUSES.filter(mayHaveBuyerLink)).toEqual(['published', 'approval_not_needed', 'signed']);
    expect(QUOTE_STATUSES.filter(isSignable)).toEqual(['published', 'approval_not_needed']);
  });
});
