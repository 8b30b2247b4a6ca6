import { DomainError, invalidField } from '@qa/shared-kernel';
import type { QuoteStatus } from '@qa/quotes-contracts';

export const QuoteErrors = {
  notFound: (id: string) => new DomainError('QUOTES.NOT_FOUND', `No quote ${id}`, 'not-found', { id }),
  notEditable: (status: QuoteStatus) =>
    new DomainError('QUOTES.NOT_EDITABLE', `A quote can be edited only in Draft or Changes requested, or once approved with limits; this one is ${status}`, 'conflict', { status }),
  invalidTransition: (command: string, status: QuoteStatus) =>
    new DomainError('QUOTES.INVALID_TRANSITION', `Cannot ${command} a quote that is ${status}`, 'conflict', { command, status }),
  staleVersion: (expected: number, actual: number) =>
    new DomainError('QUOTES.STALE_VERSION', 'The quote was changed meanwhile; reload it and try again', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  dealRequired: () => new DomainError('QUOTES.DEAL_REQUIRED', 'Choose a deal before submitting the quote', 'invalid', { fields: [{ field: 'dealId', reason: 'is required to submit' }] }),
  noLineItems: () => new DomainError('QUOTES.NO_LINE_ITEMS', 'Add at least one line item before submitting', 'invalid', { fields: [{ field: 'lineItems', reason: 'must not be empty to submit' }] }),
  expiryInPast: (expiresOn: string) =>
    new DomainError('QUOTES.EXPIRY_IN_PAST', `The expiry date ${expiresOn} has passed; choose a later one`, 'invalid', { fields: [{ field: 'expiresOn', reason: 'must be in the future' }] }),
  /** Bad details a client sent past the API's own checks: 400 VALIDATION_FAILED naming the field, like the request validation. */
  invalidPaymentTerms: (max: number) => invalidField('paymentTermsDays', `must be a whole number of days from 0 to ${max}`),
  invalidLanguage: (languages: readonly string[]) => invalidField('language', `must be one of ${languages.join(', ')}`),
  invalidBillingPeriod: (lineIndex: number, periods: readonly string[]) => invalidField(`lineItems.${lineIndex}.billingPeriod`, `must be one of ${periods.join(', ')}`),
  /** `unresolved`: the steps (1 = first) with a group nobody can approve. */
  noApprover: (unresolved: number[]) =>
    new DomainError('QUOTES.NO_APPROVER', 'This quote needs approval, but nobody can approve it (no active approver other than its owner and whoever submits it); ask an admin to choose an approver', 'invalid', { unresolvedSteps: unresolved }),
  /** A deal, company or contact that does not exist or that the caller may not see: the same answer for both. */
  unknownReference: (field: string, kind: 'deal' | 'company' | 'contact', ids: string[]) =>
    new DomainError('QUOTES.UNKNOWN_REFERENCE', `${field}: no such ${kind}: ${ids.join(', ')}`, 'invalid', { fields: [{ field, reason: `no such ${kind}: ${ids.join(', ')}` }] }),
  notOwner: () => new DomainError('QUOTES.NOT_OWNER', 'Only the owner of a quote may change it', 'forbidden'),
  expired: (expiresOn: string) => new DomainError('QUOTES.EXPIRED', `This quote expired at the end of ${expiresOn} and can no longer be signed`, 'conflict', { expiresOn }),
};
