import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { apiError, type FakeReply, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalPreview, bigDiscountsMatch, max, noApprovalNeeded, pendingRoute, routeApprover, routeGroup } from '../../testing/approvals';
import { ApprovalSummary } from './index';

const QUOTE_ID = '0190a000-0000-7000-8000-000000000001';
const PREVIEW = `GET /api/v1/approvals/quotes/${QUOTE_ID}/preview`;

const mia = { id: 'u-mia', name: 'Mia Manager', active: true };
const dirk = { id: 'u-dirk', name: 'Dirk Director', active: true };

/** Big discounts: Mia Manager, then Dirk Director. */
const twoSteps = approvalPreview({
  route: pendingRoute({
    currentStep: null,
    steps: [
      { step: 1, state: 'waiting', groups: [routeGroup([routeApprover(mia.id)])] },
      { step: 2, state: 'waiting', groups: [routeGroup([routeApprover(dirk.id)])] },
    ],
  }),
  people: [mia, dirk],
});

/** The summary alone, on the (public) login route: it needs no page around it. */
function mountSummary(reply: FakeRoute, locale: 'en' | 'nl' = 'en') {
  return mountPage(ApprovalSummary, { path: '/login', locale, routes: { [PREVIEW]: reply }, props: { quoteId: QUOTE_ID } });
}

function ok(body: ApiSchemas['ApprovalPreviewResponse']): FakeReply {
  return { status: 200, body };
}

const sentence = (w: { get: (selector: string) => { text: () => string } }) => w.get('[data-testid="approval-summary"]').text();

describe('approval summary', () => {
  it('names the approvers step by step and why, when the quote needs approval', async () => {
    const { wrapper: w, api } = await mountSummary(ok(twoSteps));

    expect(api.calls.map((call) => `${call.method} ${call.path}`).filter((call) => call.includes('/approvals/'))).toEqual([PREVIEW]);
    expect(sentence(w)).toBe('Needs approval from Mia Manager, then Dirk Director, because discount 25% > 20%');
    expect(w.get('[data-testid="approval-summary"]').attributes('data-required')).toBe('true');
  });

  it('joins a group’s approvers with "or" (any one) or "and" (all), and the reasons of every rule', async () => {
    const people = [
      { id: max.id, name: 'Max Manager', active: true },
      { id: adaUser.id, name: 'Ada Admin', active: true },
    ];
    const largeDeals = { ruleId: 'r-large', ruleName: 'Large deals', reasons: [{ code: 'condition', field: 'total', operator: 'gte', expected: '10000', actual: '12000.00', currency: 'EUR' }] };
    const preview = (mode: 'any' | 'all') =>
      approvalPreview({
        route: pendingRoute({
          currentStep: null,
          rules: [bigDiscountsMatch, largeDeals as unknown as ApiSchemas['RuleMatchResponse']],
          steps: [{ step: 1, state: 'waiting', groups: [routeGroup([routeApprover(max.id), routeApprover(adaUser.id)], { mode })] }],
        }),
        people,
      });
    const { wrapper: any } = await mountSummary(ok(preview('any')));
    expect(sentence(any)).toBe('Needs approval from Max Manager or Ada Admin, because discount 25% > 20% and total €12,000.00 ≥ €10,000.00');
    any.unmount();

    const { wrapper: all } = await mountSummary(ok(preview('all')), 'nl');
    expect(sentence(all)).toBe('Goedkeuring nodig van Max Manager en Ada Admin, omdat korting 25% > 20% en totaal € 12.000,00 ≥ € 10.000,00'.replace(/€ /g, '€\u00a0'));
  });

  it('shows the route it would get as a timeline, on request', async () => {
    const { wrapper: w } = await mountSummary(ok(twoSteps));

    const toggle = w.get('button.route-toggle');
    const route = w.get('[data-testid="approval-summary-route"]');
    expect(toggle.text()).toBe('Show the approval route');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe(route.attributes('id'));
    expect(route.isVisible()).toBe(false);

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(toggle.text()).toBe('Hide the approval route');
    expect(route.isVisible()).toBe(true);
    expect(route.findAll('.step-title').map((title) => title.text())).toEqual(['Step 1 of 2', 'Step 2 of 2']);
    expect(route.findAll('.approver-name').map((name) => name.text())).toEqual(['Mia Manager', 'Dirk Director']);
    expect(route.get('[data-testid="route-rules"]').text().replace(/\s+/g, ' ')).toBe('Big discounts: discount 25% > 20%');
  });

  it('says that nobody can approve a step and that an admin must fix the policy, with the route open', async () => {
    const incomplete = approvalPreview({
      complete: false,
      route: pendingRoute({
        currentStep: null,
        steps: [
          { step: 1, state: 'waiting', groups: [routeGroup([routeApprover(mia.id)])] },
          { step: 2, state: 'waiting', groups: [routeGroup([], { refs: [{ kind: 'team', team: 'Finance' }], notes: [{ code: 'unresolved', because: 'none' }] })] },
        ],
      }),
      people: [mia],
    });
    const { wrapper: w } = await mountSummary(ok(incomplete));

    expect(sentence(w)).toBe('Needs approval, because discount 25% > 20%, but nobody can approve step 2: an admin must fix the approval policy before this quote can be submitted.');
    expect(w.get('[data-testid="approval-summary"]').attributes('data-complete')).toBe('false');
    expect(w.get('button.route-toggle').attributes('aria-expanded')).toBe('true');
    expect(w.get('[data-testid="approval-summary-route"] .group-nobody').text()).toBe('Nobody can approve this group.');
  });

  it('says "No approval needed" when no rule applies and approval is not required', async () => {
    const { wrapper: w } = await mountSummary(ok(noApprovalNeeded));

    expect(w.text()).toBe('No approval needed');
    expect(w.get('[data-testid="approval-summary"]').attributes('data-required')).toBe('false');
    expect(w.find('button.route-toggle').exists()).toBe(false);
  });

  it('speaks Dutch in Dutch', async () => {
    const { wrapper: w } = await mountSummary(ok(noApprovalNeeded), 'nl');
    expect(w.text()).toBe('Geen goedkeuring nodig');
    w.unmount();

    const { wrapper: needs } = await mountSummary(ok(twoSteps), 'nl');
    expect(sentence(needs)).toBe('Goedkeuring nodig van Mia Manager, daarna Dirk Director, omdat korting 25% > 20%');
    expect(needs.get('button.route-toggle').text()).toBe('Goedkeuringsroute tonen');
  });

  it('asks again, without a loading flash, when the caller passes a new version of the quote', async () => {
    let required = false;
    const { wrapper: w, api } = await mountSummary(() => ok(required ? approvalPreview() : noApprovalNeeded));
    expect(sentence(w)).toBe('No approval needed');

    required = true;
    await w.setProps({ version: 2 });
    expect(sentence(w)).toBe('No approval needed');
    await flushPromises();

    expect(api.calls.filter((call) => call.path.endsWith('/preview'))).toHaveLength(2);
    expect(sentence(w)).toBe('Needs approval from Max Manager, because discount 25% > 20%');
  });

  it('shows nothing to someone who may not see the quote', async () => {
    const { wrapper: w } = await mountSummary(apiError(404, 'APPROVALS.NOT_FOUND'));

    expect(w.find('[data-testid="approval-summary"]').exists()).toBe(false);
  });
});
