import type { ApprovalLimits } from '@qa/approvals-contracts';
import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { Quote, type LineItemDetails, type QuoteDetails } from './quote';
import { limitFigures } from './quote-limits';

const now = new Date('2026-11-26T12:00:00Z');
const later = new Date('2026-11-27T09:00:00Z');
/** One line of EUR 1,000.00 × 10 = EUR 10,000.00 gross. */
const line = (overrides: Partial<LineItemDetails> = {}): LineItemDetails => ({ id: 'l1', productName: 'Licences', description: '', quantity: 10, unitPriceMinor: 100_000, discount: null, ...overrides });
const details = (overrides: Partial<QuoteDetails> = {}): QuoteDetails => ({
  title: 'Licences 2027',
  dealId: 'deal-1',
  companyId: 'company-1',
  recipientContactIds: ['contact-1'],
  currency: 'EUR',
  expiresOn: '2027-01-31',
  quoteDiscount: null,
  commentsForBuyer: '',
  purchaseTerms: '',
  lineItems: [line({ discount: { kind: 'percent', basisPoints: 1000 } })],
  ...overrides,
});
const limits: ApprovalLimits = { maxDiscountPercent: '15.00', minTotal: '8000.00' };

/** A quote approved (and so published) with these limits, its events pulled. */
function approvedWith(approvalLimits: ApprovalLimits | null = limits, overrides: Partial<QuoteDetails> = {}): Quote {
  const quote = Quote.create({ number: 'Q-2026-0042', ownerId: 'rep-1', details: details(overrides), now });
  quote.submit({ policyVersion: 1, steps: [{ groups: [{ approverIds: ['manager-1'], mode: 'any', refs: [{ kind: 'manager', levels: 1 }], ruleIds: ['r1'], notes: [] }] }], rules: [], submittedBy: 'rep-1' }, { now, by: 'rep-1' });
  quote.version = 2;
  quote.applyApprovalDecision({ approved: true, reviewedVersion: 2, notes: null, limits: approvalLimits }, { now, by: 'manager-1' });
  quote.pullEvents();
  return quote;
}

const code = (act: () => unknown) => {
  try {
    act();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('a quote approved with limits', () => {
  it('keeps the limits of the approval, with the currency it had, while approved and published', () => {
    const quote = approvedWith();
    expect([quote.status, quote.approvalLimits]).toEqual(['published', { maxDiscountPercent: '15.00', minTotal: '8000.00', currency: 'EUR' }]);
    expect(approvedWith(null).approvalLimits).toBeNull();
  });

  it('stays published when an edit is within the limits: the link keeps working, the history and the event say so', () => {
    const quote = approvedWith();
    const slug = quote.shareSlug;
    const check = quote.edit(details({ title: 'Licences 2027 (12 seats)', lineItems: [line({ quantity: 12, discount: { kind: 'percent', basisPoints: 1500 } })] }), { now: later, by: 'rep-1' });
    expect(check).toEqual({ code: 'changed-within-approved-limits', broken: [] });
    expect([quote.status, quote.shareSlug, quote.title, quote.totalMinor, quote.approvalLimits?.maxDiscountPercent]).toEqual(['published', slug, 'Licences 2027 (12 seats)', 1_020_000, '15.00']);
    expect(quote.history.at(-1)).toEqual({ status: 'published', previousStatus: 'published', at: later.toISOString(), by: 'rep-1', note: null, approvalLimitsCheck: check });
    expect(quote.pullEvents().map((e) => [e.name, e.payload['status'], e.payload['approvalLimitsCheck']])).toEqual([['quotes.quote.updated.v1', 'published', check]]);
  });

  it('goes back to Draft, its link dead and its limits gone, when an edit is beyond them, naming the bound broken', () => {
    const quote = approvedWith();
    const check = quote.edit(details({ lineItems: [line({ discount: { kind: 'percent', basisPoints: 1600 } })] }), { now: later, by: 'rep-1' });
    expect(check).toEqual({ code: 'approval-limits-exceeded', broken: [{ bound: 'maxDiscountPercent', limit: '15.00', actual: '16.00', on: 'line', lineId: 'l1', productName: 'Licences' }] });
    expect([quote.status, quote.shareSlug, quote.approvalLimits, quote.approvalRoute]).toEqual(['draft', null, null, null]);
    expect(quote.history.at(-1)).toMatchObject({ status: 'draft', previousStatus: 'published', approvalLimitsCheck: check });
    expect(quote.pullEvents().map((e) => [e.name, e.payload['previousStatus'], e.payload['status'], e.payload['approvalLimitsCheck']])).toEqual([['quotes.quote.updated.v1', 'published', 'draft', check]]);
    // From Draft it is edited and submitted like any draft: a new round.
    expect(code(() => quote.edit(details(), { now: later }))).toBe('ok');
    expect(code(() => quote.submit(null, { now: later }))).toBe('ok');
  });

  it('measures a percent discount by the percent it states: exactly 15 % is within, 15.01 % beyond', () => {
    const at = (basisPoints: number, on: 'line' | 'quote') => {
      const discount = { kind: 'percent' as const, basisPoints };
      return approvedWith().edit(on === 'line' ? details({ lineItems: [line({ discount })] }) : details({ lineItems: [line()], quoteDiscount: discount }), { now: later });
    };
    expect([at(1500, 'line'), at(1500, 'quote')].map((c) => c?.code)).toEqual(['changed-within-approved-limits', 'changed-within-approved-limits']);
    expect(at(1501, 'line')?.broken).toEqual([{ bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'line', lineId: 'l1', productName: 'Licences' }]);
    expect(at(1501, 'quote')?.broken).toEqual([{ bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'quote' }]);
  });

  it("measures an amount discount exactly as its share of what it is taken from: a line's gross, the quote's subtotal", () => {
    const lineAmount = (amountMinor: number) => approvedWith().edit(details({ lineItems: [line({ discount: { kind: 'amount', amountMinor } })] }), { now: later });
    // EUR 1,500.00 off EUR 10,000.00 is exactly 15 %; one cent more is 15.0001 %, shown rounded up.
    expect(lineAmount(150_000)?.code).toBe('changed-within-approved-limits');
    expect(lineAmount(150_001)?.broken).toEqual([{ bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'line', lineId: 'l1', productName: 'Licences' }]);
    // The quote discount is taken from the subtotal: 10 % off the line leaves EUR 9,000.00, of which EUR 1,350.00 is exactly 15 %.
    const quoteAmount = (amountMinor: number) =>
      approvedWith({ maxDiscountPercent: '15.00', minTotal: null }).edit(details({ quoteDiscount: { kind: 'amount', amountMinor } }), { now: later });
    expect(quoteAmount(135_000)?.code).toBe('changed-within-approved-limits');
    expect(quoteAmount(135_001)?.broken).toEqual([{ bound: 'maxDiscountPercent', limit: '15.00', actual: '15.01', on: 'quote' }]);
  });

  it('holds each discount to the bound on its own, every line and the quote discount', () => {
    const check = approvedWith().edit(
      details({
        lineItems: [line(), line({ id: 'l2', productName: 'Support', quantity: 1, discount: { kind: 'percent', basisPoints: 2000 } }), line({ id: 'l3', productName: 'Training', quantity: 1, discount: { kind: 'percent', basisPoints: 1500 } })],
        quoteDiscount: { kind: 'percent', basisPoints: 1550 },
      }),
      { now: later },
    );
    expect(check?.broken.map((b) => (b.bound === 'maxDiscountPercent' ? [b.on, b.productName ?? null, b.actual] : b.bound))).toEqual([
      ['line', 'Support', '20.00'],
      ['quote', null, '15.50'],
    ]);
  });

  it('keeps the total at least the minimum: exactly the minimum is within, a cent below is beyond', () => {
    // 10 × EUR 1,000.00 less 20 % = EUR 8,000.00 exactly; with a 15 % discount bound not in the way.
    const total = (unitPriceMinor: number) =>
      approvedWith({ maxDiscountPercent: null, minTotal: '8000.00' }).edit(details({ lineItems: [line({ unitPriceMinor, discount: { kind: 'percent', basisPoints: 2000 } })] }), { now: later });
    expect(total(100_000)?.code).toBe('changed-within-approved-limits');
    expect(total(99_999)?.broken).toEqual([{ bound: 'minTotal', limit: '8000.00', actual: '7999.92', currency: 'EUR' }]);
  });

  it('treats a minimum total as broken once the currency changed, and names both bounds when both are broken', () => {
    const currency = approvedWith().edit(details({ currency: 'USD' }), { now: later });
    expect(currency?.broken).toEqual([{ bound: 'minTotal', limit: '8000.00', actual: '9000.00', currency: 'EUR', actualCurrency: 'USD' }]);
    const both = approvedWith().edit(details({ lineItems: [line({ discount: { kind: 'percent', basisPoints: 3000 } })] }), { now: later });
    expect(both?.broken.map((b) => b.bound)).toEqual(['maxDiscountPercent', 'minTotal']);
  });

  it('is not editable once approved without limits, signed, or after a recall or a new submission cleared the limits', () => {
    expect(code(() => approvedWith(null).edit(details(), { now: later }))).toBe('QUOTES.NOT_EDITABLE');
    expect([approvedWith(null).isEditable(), approvedWith().isEditable()]).toEqual([false, true]);
    const recalled = approvedWith();
    recalled.recall({ now: later });
    expect(recalled.approvalLimits).toBeNull();
    recalled.submit({ policyVersion: 1, steps: [{ groups: [{ approverIds: ['manager-1'], mode: 'any', refs: [], ruleIds: [], notes: [] }] }], rules: [], submittedBy: 'rep-1' }, { now: later });
    expect([recalled.status, recalled.approvalLimits, code(() => recalled.edit(details(), { now: later }))]).toEqual(['pending_approval', null, 'QUOTES.NOT_EDITABLE']);
    const signed = approvedWith();
    signed.sign({ name: 'Bea Buyer', email: 'bea@example.org' }, { now: later });
    expect([signed.approvalLimits, code(() => signed.edit(details(), { now: later }))]).toEqual([null, 'QUOTES.NOT_EDITABLE']);
  });
});

describe('limit figures', () => {
  it('gives each discount as an exact share: a percent as stated, an amount of its base (capped at it)', () => {
    const lines = [
      { ...line({ discount: { kind: 'percent', basisPoints: 1250 } }), billingPeriod: 'one_time' as const },
      { ...line({ id: 'l2', productName: 'Support', quantity: 1, unitPriceMinor: 30_000, discount: { kind: 'amount', amountMinor: 50_000 } }), billingPeriod: 'one_time' as const },
      { ...line({ id: 'l3', productName: 'Free', quantity: 1, discount: null }), billingPeriod: 'one_time' as const },
    ];
    expect(limitFigures(lines, { kind: 'amount', amountMinor: 10_000 }, 'EUR')).toEqual({
      currency: 'EUR',
      totalMinor: 875_000 + 0 + 100_000 - 10_000,
      discounts: [
        { on: 'line', lineId: 'l1', productName: 'Licences', part: 1250, whole: 10_000 },
        { on: 'line', lineId: 'l2', productName: 'Support', part: 30_000, whole: 30_000 },
        { on: 'quote', part: 10_000, whole: 975_000 },
      ],
    });
  });
});
