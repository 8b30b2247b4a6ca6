import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, max } from '../../testing/approvals';
import { ApprovalSummary } from './index';

const QUOTE_ID = '0190a000-0000-7000-8000-000000000001';
const PREVIEW = `GET /api/v1/approvals/quotes/${QUOTE_ID}/preview`;

/** The summary alone, on the (public) login route: it needs no page around it. */
function mountSummary(reply: FakeRoute, locale: 'en' | 'nl' = 'en') {
  return mountPage(ApprovalSummary, { path: '/login', locale, routes: { [PREVIEW]: reply }, props: { quoteId: QUOTE_ID } });
}

describe('approval summary', () => {
  it('names the approver and the reasons when the quote needs approval', async () => {
    const { wrapper: w, api } = await mountSummary({
      status: 200,
      body: { required: true, approvers: [{ id: max.id, name: 'Max Manager' }], mode: 'any', reasons: ['discount 25.00% > 20%'], ruleName: 'Big discounts' },
    });

    expect(api.calls.map((call) => `${call.method} ${call.path}`).filter((call) => call.includes('/approvals/'))).toEqual([PREVIEW]);
    expect(w.text()).toBe('Needs approval from Max Manager: discount 25.00% > 20%');
    expect(w.get('[data-testid="approval-summary"]').attributes('data-required')).toBe('true');
  });

  it('joins several approvers with "or" (any one) or "and" (all)', async () => {
    const approvers = [
      { id: max.id, name: 'Max Manager' },
      { id: adaUser.id, name: 'Ada Admin' },
    ];
    const { wrapper: any } = await mountSummary({ status: 200, body: { required: true, approvers, mode: 'any', reasons: ['total 12000.00 EUR ≥ 10000 EUR'], ruleName: 'Large deals' } });
    expect(any.text()).toBe('Needs approval from Max Manager or Ada Admin: total 12000.00 EUR ≥ 10000 EUR');
    any.unmount();

    const { wrapper: all } = await mountSummary({ status: 200, body: { required: true, approvers, mode: 'all', reasons: ['discount 30.00% > 20%', 'total 12000.00 EUR ≥ 10000 EUR'], ruleName: 'Big' } });
    expect(all.text()).toBe('Needs approval from Max Manager and Ada Admin: discount 30.00% > 20%; total 12000.00 EUR ≥ 10000 EUR');
  });

  it('says "No approval needed" when no rule applies and approval is not required', async () => {
    const { wrapper: w } = await mountSummary({ status: 200, body: { required: false, approvers: [], mode: 'any', reasons: [], ruleName: null } });

    expect(w.text()).toBe('No approval needed');
    expect(w.get('[data-testid="approval-summary"]').attributes('data-required')).toBe('false');
  });

  it('speaks Dutch in Dutch', async () => {
    const { wrapper: w } = await mountSummary({ status: 200, body: { required: false, approvers: [], mode: 'any', reasons: [], ruleName: null } }, 'nl');

    expect(w.text()).toBe('Geen goedkeuring nodig');
  });

  it('asks again, without a loading flash, when the caller passes a new version of the quote', async () => {
    let required = false;
    const { wrapper: w, api } = await mountSummary(() => ({
      status: 200,
      body: required
        ? { required: true, approvers: [{ id: max.id, name: 'Max Manager' }], mode: 'any', reasons: ['discount 25.00% > 20%'], ruleName: 'Big discounts' }
        : { required: false, approvers: [], mode: 'any', reasons: [], ruleName: null },
    }));
    expect(w.text()).toBe('No approval needed');

    required = true;
    await w.setProps({ version: 2 });
    expect(w.text()).toBe('No approval needed');
    await flushPromises();

    expect(api.calls.filter((call) => call.path.endsWith('/preview'))).toHaveLength(2);
    expect(w.text()).toBe('Needs approval from Max Manager: discount 25.00% > 20%');
  });

  it('shows nothing to someone who may not see the quote', async () => {
    const { wrapper: w } = await mountSummary(apiError(404, 'APPROVALS.NOT_FOUND'));

    expect(w.find('[data-testid="approval-summary"]').exists()).toBe(false);
  });
});
