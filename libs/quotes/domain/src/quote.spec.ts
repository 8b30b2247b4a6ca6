import { QUOTE_STATUSES, type QuoteApprovalRoute, type QuoteStatus } from '@qa/quotes-contracts';
import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { QUOTE_COMMANDS, Quote, type LineItemDetails, type QuoteCommand, type QuoteDetails } from './quote';

const details = (overrides: Partial<QuoteDetails> = {}): QuoteDetails => ({
  title: 'Website redesign',
  dealId: 'deal-1',
  companyId: 'company-1',
  recipientContactIds: ['contact-1'],
  currency: 'EUR',
  expiresOn: '2027-01-31',
  quoteDiscount: null,
  commentsForBuyer: '',
  purchaseTerms: '',
  lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: null, billingPeriod: 'one_time' }],
  ...overrides,
});
const now = new Date('2026-11-26T12:00:00Z');
/** A route of one step whose one group asks these approvers (none: nobody could be resolved). */
const route = (approverIds = ['manager-1'], mode: 'any' | 'all' = 'any'): QuoteApprovalRoute => ({
  policyVersion: 3,
  steps: [{ groups: [{ approverIds, mode, refs: [{ kind: 'manager', levels: 1 }], ruleIds: ['r1'], notes: approverIds.length ? [] : [{ code: 'unresolved', because: 'none' }] }] }],
  rules: [{ ruleId: 'r1', ruleName: 'Big discounts', reasons: [{ code: 'always' }] }],
  submittedBy: 'rep-1',
});

function quoteIn(status: QuoteStatus): Quote {
  const quote = Quote.create({ number: 'Q-2026-0001', ownerId: 'rep-1', details: details(), now });
  quote.status = status;
  quote.pullEvents();
  return quote;
}

function run(quote: Quote, command: QuoteCommand, at: Date = now): void {
  switch (command) {
    case 'edit':
      quote.edit(details({ title: 'Edited' }), { now: at });
      return;
    case 'editWithinLimits':
      // A quote approved with limits, edited within them.
      quote.approvalLimits = { maxDiscountPercent: '15.00', minTotal: '1000.00', currency: 'EUR' };
      quote.editWithinLimits(details({ title: 'Edited' }), { now: at });
      return;
    case 'submit':
      return quote.submit(route(), { now: at });
    case 'approve':
      return quote.approve({ now: at });
    case 'requestChanges':
      return quote.requestChanges('Lower the discount', { now: at });
    case 'publish':
      return quote.publish({ now: at });
    case 'recall':
      return quote.recall({ now: at });
    case 'withdraw':
      return quote.withdraw({ now: at });
    case 'sign':
      return quote.sign({ name: 'Bea Buyer', email: 'bea@example.org' }, { now: at });
    case 'expire':
      // After the expiry date; a refused expiry is a no-op, reported as INVALID_TRANSITION here.
      if (!quote.expire({ now: new Date('2027-02-01T00:00:00Z') })) throw new DomainError('QUOTES.INVALID_TRANSITION', 'not expirable');
  }
}

/** The whole life cycle as a table: for each status and command, the resulting status or the error code. */
const EXPECTED: Record<QuoteStatus, Record<QuoteCommand, QuoteStatus | string>> = {
  draft: { edit: 'draft', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'pending_approval', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'QUOTES.INVALID_TRANSITION', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'QUOTES.INVALID_TRANSITION', expire: 'expired' },
  pending_approval: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'QUOTES.INVALID_TRANSITION', approve: 'approved', requestChanges: 'changes_requested', publish: 'QUOTES.INVALID_TRANSITION', recall: 'QUOTES.INVALID_TRANSITION', withdraw: 'draft', sign: 'QUOTES.INVALID_TRANSITION', expire: 'expired' },
  changes_requested: { edit: 'changes_requested', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'pending_approval', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'QUOTES.INVALID_TRANSITION', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'QUOTES.INVALID_TRANSITION', expire: 'expired' },
  approved: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'approved', submit: 'QUOTES.INVALID_TRANSITION', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'published', recall: 'draft', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'QUOTES.INVALID_TRANSITION', expire: 'expired' },
  published: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'published', submit: 'QUOTES.INVALID_TRANSITION', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'draft', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'signed', expire: 'expired' },
  approval_not_needed: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'QUOTES.INVALID_TRANSITION', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'draft', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'signed', expire: 'expired' },
  signed: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'QUOTES.INVALID_TRANSITION', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'QUOTES.INVALID_TRANSITION', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'QUOTES.INVALID_TRANSITION', expire: 'QUOTES.INVALID_TRANSITION' },
  expired: { edit: 'QUOTES.NOT_EDITABLE', editWithinLimits: 'QUOTES.NOT_EDITABLE', submit: 'QUOTES.INVALID_TRANSITION', approve: 'QUOTES.INVALID_TRANSITION', requestChanges: 'QUOTES.INVALID_TRANSITION', publish: 'QUOTES.INVALID_TRANSITION', recall: 'QUOTES.INVALID_TRANSITION', withdraw: 'QUOTES.INVALID_TRANSITION', sign: 'QUOTES.INVALID_TRANSITION', expire: 'QUOTES.INVALID_TRANSITION' },
};

describe('quote life cycle', () => {
  const cases = QUOTE_STATUSES.flatMap((status) => QUOTE_COMMANDS.map((command) => [status, command, EXPECTED[status][command]] as const));

  it.each(cases)('%s + %s → %s', (status, command, expected) => {
    const quote = quoteIn(status);
    let outcome: string;
    try {
      run(quote, command);
      outcome = quote.status;
    } catch (error) {
      outcome = error instanceof DomainError ? error.code : String(error);
    }
    expect(outcome).toBe(expected);
    if (expected.startsWith('QUOTES.')) expect(quote.status).toBe(status);
  });

  it('records an integration event for every transition, with the previous status', () => {
    const quote = quoteIn('pending_approval');
    quote.approve({ now, by: 'manager-1' }, 'Fine');
    quote.publish({ now, by: 'manager-1' });
    quote.recall({ now, by: 'rep-1' });
    expect(quote.pullEvents().map((e) => [e.name, e.payload['previousStatus'], e.payload['status']])).toEqual([
      ['quotes.quote.approved.v1', 'pending_approval', 'approved'],
      ['quotes.quote.published.v1', 'approved', 'published'],
      ['quotes.quote.recalled.v1', 'published', 'draft'],
    ]);
    expect(quote.history.slice(-3).map((h) => [h.previousStatus, h.status, h.by, h.note])).toEqual([
      ['pending_approval', 'approved', 'manager-1', 'Fine'],
      ['approved', 'published', 'manager-1', null],
      ['published', 'draft', 'rep-1', null],
    ]);
  });

  it('goes live at once when approval is not needed, with an unguessable share link', () => {
    const quote = quoteIn('draft');
    quote.submit(null, { now });
    expect(quote.status).toBe('approval_not_needed');
    expect(quote.shareSlug).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(quoteIn('draft').shareSlug).toBeNull();
  });

  it('disables the share link when recalled', () => {
    const quote = quoteIn('draft');
    quote.submit(null, { now });
    quote.recall({ now });
    expect(quote.shareSlug).toBeNull();
    expect(quote.status).toBe('draft');
  });

  it('refuses to submit without a deal, without line items, or after the expiry date', () => {
    const codes = (quote: Quote, at = now) => {
      try {
        quote.submit(route(), { now: at });
        return 'submitted';
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    const noDeal = Quote.create({ number: 'Q-2026-0002', ownerId: 'rep-1', details: details({ dealId: null }), now });
    const noLines = Quote.create({ number: 'Q-2026-0003', ownerId: 'rep-1', details: details({ lineItems: [] }), now });
    const expired = Quote.create({ number: 'Q-2026-0004', ownerId: 'rep-1', details: details({ expiresOn: '2026-11-25' }), now });
    expect([codes(noDeal), codes(noLines), codes(expired)]).toEqual(['QUOTES.DEAL_REQUIRED', 'QUOTES.NO_LINE_ITEMS', 'QUOTES.EXPIRY_IN_PAST']);
    expect(codes(Quote.create({ number: 'Q-2026-0005', ownerId: 'rep-1', details: details({ expiresOn: '2026-11-26' }), now }))).toBe('submitted');
  });

  it('keeps the approval route fixed at submit until the quote leaves Pending approval, and refuses a route without an approver', () => {
    const quote = quoteIn('draft');
    const fixed = route(['manager-1', 'manager-2'], 'all');
    quote.submit(fixed, { now, by: 'rep-1' });
    fixed.steps[0]!.groups[0]!.approverIds.push('someone-else'); // a copy is kept: the caller's object cannot change it
    expect([quote.status, quote.approvalRoute]).toEqual(['pending_approval', route(['manager-1', 'manager-2'], 'all')]);
    quote.withdraw({ now, by: 'rep-1' });
    expect([quote.status, quote.approvalRoute]).toEqual(['draft', null]);
    expect(quote.pullEvents().map((e) => [e.name, e.payload['previousStatus'], e.payload['status']])).toEqual([
      ['quotes.quote.submitted.v1', 'draft', 'pending_approval'],
      ['quotes.quote.withdrawn.v1', 'pending_approval', 'draft'],
    ]);
    expect(quote.history.at(-1)).toMatchObject({ previousStatus: 'pending_approval', status: 'draft', by: 'rep-1' });

    const stranded = quoteIn('draft');
    expect(() => stranded.submit(route([]), { now })).toThrow(expect.objectContaining({ code: 'QUOTES.NO_APPROVER', details: { unresolvedSteps: [1] } }));
    expect([stranded.status, stranded.approvalRoute, stranded.pullEvents()]).toEqual(['draft', null, []]);
  });

  it('applies an approval decision only while Pending approval at the version the round reviewed', () => {
    const approved = quoteIn('pending_approval');
    approved.version = 2;
    expect(approved.applyApprovalDecision({ approved: true, reviewedVersion: 2, notes: 'Fine' }, { now, by: 'manager-1' })).toBe(true);
    expect([approved.status, approved.shareSlug?.length, approved.history.slice(-2).map((h) => [h.status, h.by, h.note])]).toEqual([
      'published',
      32,
      [['approved', 'manager-1', 'Fine'], ['published', 'manager-1', null]],
    ]);

    const sentBack = quoteIn('pending_approval');
    sentBack.version = 2;
    expect(sentBack.applyApprovalDecision({ approved: false, reviewedVersion: 2, notes: null }, { now, by: 'manager-1' })).toBe(true);
    expect([sentBack.status, sentBack.history.at(-1)?.note, sentBack.pullEvents().map((e) => [e.name, e.payload['notes']])]).toEqual([
      'changes_requested',
      '',
      [['quotes.quote.changes-requested.v1', '']],
    ]);

    const movedOn = quoteIn('pending_approval');
    movedOn.version = 5;
    const notPending = quoteIn('draft');
    notPending.version = 2;
    expect([movedOn.applyApprovalDecision({ approved: true, reviewedVersion: 2, notes: null }), notPending.applyApprovalDecision({ approved: true, reviewedVersion: 2, notes: null })]).toEqual([false, false]);
    expect([movedOn.status, notPending.status, movedOn.pullEvents(), notPending.pullEvents()]).toEqual(['pending_approval', 'draft', [], []]);
  });

  it('refuses a stale version', () => {
    const quote = quoteIn('draft');
    quote.version = 3;
    expect(() => quote.checkVersion(2)).toThrow(expect.objectContaining({ code: 'QUOTES.STALE_VERSION' }));
    expect(() => quote.checkVersion(3)).not.toThrow();
  });

  it('keeps the denormalised total equal to the computed one after edits', () => {
    const quote = quoteIn('draft');
    quote.edit(details({ quoteDiscount: { kind: 'percent', basisPoints: 1000 } }), { now });
    expect(quote.totalMinor).toBe(270_000);
    expect(quote.totals().effectiveDiscountBp).toBe(1000);
  });
});

describe('quote terms', () => {
  const refusal = (act: () => unknown) => {
    try {
      act();
      return null;
    } catch (error) {
      return error instanceof DomainError ? { code: error.code, kind: error.kind, fields: error.details['fields'] } : error;
    }
  };
  const create = (overrides: Partial<QuoteDetails> = {}) => Quote.create({ number: 'Q-2026-0009', ownerId: 'rep-1', details: details(overrides), now });
  const line = (overrides: Partial<LineItemDetails> = {}): LineItemDetails => ({ id: '', productName: 'Hosting', description: '', quantity: 1, unitPriceMinor: 4_999, discount: null, ...overrides });

  it('gives a new quote payment terms of net 30 days unless it says otherwise, and keeps 0 to 365', () => {
    expect(create().paymentTermsDays).toBe(30);
    expect([0, 14, 365].map((days) => create({ paymentTermsDays: days }).paymentTermsDays)).toEqual([0, 14, 365]);
    const quote = create({ paymentTermsDays: 60 });
    quote.edit(details({ paymentTermsDays: 45 }), { now });
    expect(quote.paymentTermsDays).toBe(45);
  });

  it('refuses payment terms that are not whole days from 0 to 365, naming paymentTermsDays, and leaves the quote as it was', () => {
    const expected = { code: 'VALIDATION_FAILED', kind: 'bad-request', fields: [{ field: 'paymentTermsDays', reason: 'must be a whole number of days from 0 to 365' }] };
    for (const days of [366, -1, 1.5, Number.NaN, '30' as unknown as number]) expect(refusal(() => create({ paymentTermsDays: days }))).toEqual(expected);
    const quote = create({ paymentTermsDays: 14 });
    quote.pullEvents();
    expect(refusal(() => quote.edit(details({ title: 'Changed', paymentTermsDays: 400 }), { now }))).toEqual(expected);
    expect([quote.title, quote.paymentTermsDays, quote.pullEvents()]).toEqual(['Website redesign', 14, []]);
  });

  it('bills a line once unless it has a billing period; a recurring line counts once (its first period) in the totals', () => {
    const quote = create({ lineItems: [line({ quantity: 2, unitPriceMinor: 150_000 }), line({ billingPeriod: 'monthly' }), line({ billingPeriod: 'yearly', unitPriceMinor: 100_000 })] });
    expect(quote.lineItems.map((l) => l.billingPeriod)).toEqual(['one_time', 'monthly', 'yearly']);
    expect(quote.totals()).toMatchObject({ grossMinor: 404_999, totalMinor: 404_999 });
    expect(quote.totalMinor).toBe(404_999);
  });

  it('refuses a billing period it does not know, naming the line', () => {
    const weekly = line({ billingPeriod: 'weekly' as unknown as LineItemDetails['billingPeriod'] });
    expect(refusal(() => create({ lineItems: [line(), weekly] }))).toEqual({
      code: 'VALIDATION_FAILED',
      kind: 'bad-request',
      fields: [{ field: 'lineItems.1.billingPeriod', reason: 'must be one of one_time, monthly, quarterly, yearly' }],
    });
  });
});
