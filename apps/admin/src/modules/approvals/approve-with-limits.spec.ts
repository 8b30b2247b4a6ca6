import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiFailure } from '../../api/api-result';
import type { FakeReply, FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { maxMe, pendingQuote, people, round, secondRoundPage } from '../../testing/approvals';
import { checkLimitsForm, limitsRefusal } from './approval-limits-form';
import ApprovalPage from './approval-page.vue';

const QUOTE = `/api/v1/quotes/${pendingQuote.id}`;
const APPROVAL = `/api/v1/approvals/quotes/${pendingQuote.id}`;

async function mountApproval(routes: Record<string, FakeRoute>, locale: 'en' | 'nl' = 'en') {
  const { api, wrapper } = await mountPage(ApprovalPage, {
    path: `/quotes/${pendingQuote.id}/approval`,
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: maxMe },
      [`GET ${QUOTE}`]: { status: 200, body: pendingQuote },
      [`GET ${APPROVAL}`]: { status: 200, body: secondRoundPage() },
      [`GET /api/v1/records/quote/${pendingQuote.id}/properties`]: { status: 200, body: { properties: [], history: [] } },
      'GET /api/v1/users/names': ({ url }) => ({ status: 200, body: { items: people.filter((person) => (url.searchParams.get('ids') ?? '').split(',').includes(person.id)) } }),
      ...routes,
    },
  });
  await flushPromises();
  return { api, wrapper };
}

const button = (w: VueWrapper, name: string) => {
  const found = w.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const approvals = (calls: Array<{ method: string; path: string; body: unknown }>) => calls.filter((call) => call.method === 'POST' && call.path === `${APPROVAL}/approve`).map((call) => call.body);
const failure = (reply: FakeReply): ApiFailure => ({ ok: false, status: reply.status, error: reply.body as ApiFailure['error'] });

describe('approve with limits: the form', () => {
  it('sends the bounds typed, in the API’s decimals (Dutch commas too); an empty one is no bound', () => {
    expect(checkLimitsForm({ maxDiscountPercent: '15', minTotal: '10,000.00' }, 'EUR', 'en')).toEqual({ limits: { maxDiscountPercent: '15', minTotal: '10000.00' }, errors: {} });
    expect(checkLimitsForm({ maxDiscountPercent: '12,5', minTotal: '10.000' }, 'EUR', 'nl')).toEqual({ limits: { maxDiscountPercent: '12.5', minTotal: '10000' }, errors: {} });
    expect(checkLimitsForm({ maxDiscountPercent: ' ', minTotal: '500' }, 'EUR', 'en').limits).toEqual({ maxDiscountPercent: null, minTotal: '500' });
  });

  it('refuses a percent outside 0–100 or with three decimals, an amount with too many decimals, and no bound at all', () => {
    expect(checkLimitsForm({ maxDiscountPercent: '100.01', minTotal: '1.234' }, 'EUR', 'en')).toEqual({
      limits: null,
      errors: { maxDiscountPercent: { key: 'approvalLimits.errors.maxDiscount' }, minTotal: { key: 'approvalLimits.errors.minTotal', params: { digits: 2 } } },
    });
    expect(checkLimitsForm({ maxDiscountPercent: '15.555', minTotal: '' }, 'EUR', 'en').errors).toEqual({ maxDiscountPercent: { key: 'approvalLimits.errors.maxDiscount' } });
    expect(checkLimitsForm({ maxDiscountPercent: '', minTotal: '10.5' }, 'JPY', 'en').errors).toEqual({ minTotal: { key: 'approvalLimits.errors.minTotal', params: { digits: 0 } } });
    expect(checkLimitsForm({ maxDiscountPercent: '', minTotal: '' }, 'EUR', 'en').errors).toEqual({ limits: { key: 'approvalLimits.errors.none' } });
  });

  it('puts the API’s refusals back at the fields, and the bounds a quote already breaks', () => {
    const invalid = { status: 422, body: { statusCode: 422, code: 'APPROVALS.INVALID_LIMITS', message: '', details: { fields: [{ field: 'limits.minTotal', reason: 'x' }] } } };
    expect(limitsRefusal(failure(invalid), 'EUR')).toEqual({ errors: { minTotal: { key: 'approvalLimits.errors.minTotal', params: { digits: 2 } } }, broken: [] });
    const broken = [{ bound: 'minTotal', limit: '20000.00', actual: '2649.99', currency: 'EUR' }];
    expect(limitsRefusal(failure({ status: 422, body: { statusCode: 422, code: 'APPROVALS.LIMITS_NOT_MET', message: '', details: { broken } } }), 'EUR')).toEqual({ errors: {}, broken });
    expect(limitsRefusal(failure({ status: 409, body: { statusCode: 409, code: 'APPROVALS.STALE_ROUND', message: '', details: null } }), 'EUR')).toBeNull();
  });
});

describe('approve with limits: the approval page', () => {
  it('opens "Approve with limits" under Approve and publish and sends the limits with the round', async () => {
    const { wrapper: w, api } = await mountApproval({ [`POST ${APPROVAL}/approve`]: { status: 200, body: round({ round: 2, status: 'approved' }) } });

    const toggle = button(w, 'Approve with limits');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe('approve-with-limits');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(w.get('label[for="limits-max-discount"]').text()).toBe('Maximum discount (%)');
    expect(w.get('label[for="limits-min-total"]').text()).toBe('Minimum total (EUR)');

    await w.get('#limits-max-discount').setValue('15');
    await w.get('#limits-min-total').setValue('2,000');
    await w.get('#approve-with-limits').trigger('submit');
    await flushPromises();
    expect(approvals(api.calls)).toEqual([{ round: 2, limits: { maxDiscountPercent: '15', minTotal: '2000' } }]);
  });

  it('says what is wrong before sending, at the field, in English and in Dutch', async () => {
    for (const [locale, expected] of [
      ['en', 'Enter a percentage from 0 to 100 with at most two decimals.'],
      ['nl', 'Vul een percentage van 0 tot 100 in met hoogstens twee decimalen.'],
    ] as const) {
      const { wrapper: w, api } = await mountApproval({}, locale);
      await w.get('.limits-toggle').trigger('click');
      await w.get('#limits-max-discount').setValue('150');
      await w.get('#approve-with-limits').trigger('submit');
      await flushPromises();
      expect(w.get('#limits-max-discount-error').text()).toBe(expected);
      expect(w.get('#limits-max-discount').attributes('aria-invalid')).toBe('true');
      expect(w.get('#limits-max-discount').attributes('aria-describedby')).toContain('limits-max-discount-error');
      expect(approvals(api.calls)).toEqual([]);
      w.unmount();
    }
  });

  it('says which bounds the quote is already beyond when the API refuses them (422 limits-not-met)', async () => {
    const broken = [
      { bound: 'maxDiscountPercent', limit: '5.00', actual: '10.00', on: 'line', lineId: 'l1', productName: 'Design' },
      { bound: 'minTotal', limit: '5000.00', actual: '2649.99', currency: 'EUR' },
    ];
    const { wrapper: w } = await mountApproval({
      [`POST ${APPROVAL}/approve`]: { status: 422, body: { statusCode: 422, code: 'APPROVALS.LIMITS_NOT_MET', message: 'beyond', details: { reason: 'limits-not-met', broken } } },
    });
    await w.get('.limits-toggle').trigger('click');
    await w.get('#limits-max-discount').setValue('5');
    await w.get('#limits-min-total').setValue('5000');
    await w.get('#approve-with-limits').trigger('submit');
    await flushPromises();
    expect(w.get('.limits-problem').text()).toBe('The quote is already beyond these limits: Design: 10% off, at most 5%; Total €2,649.99, at least €5,000.00.');
    expect(w.get('.approval-error').text()).toBe('');
  });
});
