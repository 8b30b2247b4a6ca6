import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@qa/shared-api-client';
import { mountPage } from '../../testing/mount-page';
import { adaUser, bigDiscountsMatch, max, pendingRoute, routeApprover, routeGroup } from '../../testing/approvals';
import { formatDateTime } from '../../i18n/format';
import ApprovalRouteTimeline from './approval-route-timeline.vue';

const dirk = { id: 'u-dirk', name: 'Dirk Director', active: true };
const fiona = { id: 'u-fiona', name: 'Fiona Finance', active: true };
const gus = { id: 'u-gus', name: 'Gus Gone', active: false };
const people = [{ id: max.id, name: max.name, active: true }, { id: adaUser.id, name: adaUser.name, active: true }, dirk, fiona, gus];

const APPROVED_AT = '2026-05-01T11:00:00.000Z';

const largeDeals: ApiSchemas['RuleMatchResponse'] = {
  ruleId: 'r-large',
  ruleName: 'Large deals',
  reasons: [{ code: 'condition', field: 'total', operator: 'gte', expected: '10000', actual: '12000.00', currency: 'EUR' } as unknown as ApiSchemas['RouteReasonResponse']],
};

/**
 * Round under way at step 2 of 2: Max approved step 1; in step 2 the owner's manager (Max owns the
 * quote, so it moved up to Dirk) or Ada decide, and at the same time Finance (all of Fiona and Gus,
 * who was deactivated).
 */
function twoStepRoute(): ApiSchemas['RouteTimelineResponse'] {
  return pendingRoute({
    currentStep: 2,
    rules: [bigDiscountsMatch, largeDeals],
    steps: [
      { step: 1, state: 'approved', groups: [routeGroup([routeApprover(max.id, { state: 'approved', at: APPROVED_AT, notes: 'Fine for this customer' })], { state: 'approved', ruleIds: ['r-big'] })] },
      {
        step: 2,
        state: 'pending',
        groups: [
          routeGroup([routeApprover(dirk.id, { state: 'pending' }), routeApprover(adaUser.id, { state: 'pending' })], {
            refs: [{ kind: 'manager', levels: 1 }, { kind: 'user', userId: adaUser.id }],
            notes: [{ code: 'moved-up', skipped: max.id, because: 'owner', to: dirk.id }],
            ruleIds: ['r-big', 'r-large'],
          }),
          routeGroup([routeApprover(fiona.id, { state: 'approved', at: APPROVED_AT }), routeApprover(gus.id, { state: 'pending' })], {
            mode: 'all',
            refs: [{ kind: 'team', team: 'Finance' }],
            ruleIds: ['r-large'],
          }),
        ],
      },
    ],
  });
}

function mountTimeline(route: ApiSchemas['RouteTimelineResponse'], locale: 'en' | 'nl' = 'en') {
  return mountPage(ApprovalRouteTimeline, { path: '/login', locale, props: { route, people } });
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('approval route timeline', () => {
  it('lists the steps in order with their state, the current one marked, and says who decides next', async () => {
    const { wrapper: w } = await mountTimeline(twoStepRoute());

    expect(w.get('[data-testid="route-next"]').text()).toBe('Next: Dirk Director or Ada Admin');
    const steps = w.findAll('.route-step');
    expect(steps.map((step) => [step.get('.step-title').text(), step.get('.state-tag').text(), step.attributes('aria-current') ?? null])).toEqual([
      ['Step 1 of 2', 'Approved', null],
      ['Step 2 of 2', 'Deciding now', 'step'],
    ]);
    expect(steps[1]?.classes()).toContain('current');
    // The steps are an ordered list named "Route".
    const list = w.get('ol.route-steps');
    expect(document.getElementById(list.attributes('aria-labelledby') ?? '')?.textContent).toBe('Route');
  });

  it('shows each group: any one or all, whom the rule names, each approver’s state and time, and why it moved', async () => {
    const { wrapper: w } = await mountTimeline(twoStepRoute());

    const [first, second] = w.findAll('.route-step');
    const maxEntry = first?.get('.route-approver');
    expect(maxEntry?.get('.approver-name').text()).toBe('Max Manager');
    expect(maxEntry?.get('.approver-state').text()).toBe('Approved');
    expect(maxEntry?.get('time').attributes('datetime')).toBe(APPROVED_AT);
    expect(maxEntry?.get('time').text()).toBe(formatDateTime(APPROVED_AT, 'en'));
    expect(maxEntry?.get('.approver-notes').text()).toBe('Notes: Fine for this customer');

    expect(second?.get('.step-hint').text()).toBe('These groups decide at the same time; the step is done when each of them has approved.');
    const [managers, finance] = second?.findAll('.route-group') ?? [];
    expect(managers?.get('.group-mode').text()).toBe('Any one of them approves.');
    expect(managers?.get('.group-named').text()).toBe('The rule names: the owner’s manager, Ada Admin');
    expect(managers?.findAll('.route-approver').map((entry) => squash(entry.text()))).toEqual(['Dirk Director, To decide', 'Ada Admin, To decide']);
    expect(managers?.get('.route-notes').text()).toBe('Max Manager is the quote’s owner, so the step moved up to Dirk Director.');
    expect(managers?.get('.group-rules').text()).toBe('From: Big discounts and Large deals');
    expect(finance?.get('.group-mode').text()).toBe('All of them must approve.');
    expect(finance?.get('.group-named').text()).toBe('The rule names: team Finance');
    expect(finance?.findAll('.route-approver').map((entry) => [entry.get('.approver-name').text(), entry.get('.approver-state').text(), entry.attributes('data-active')])).toEqual([
      ['Fiona Finance', 'Approved', 'true'],
      ['Gus Gone', 'To decide', 'false'],
    ]);
    expect(finance?.get('.deactivated-tag').text()).toBe('deactivated');
    expect(w.get('.deactivated-hint').text()).toContain('This account was deactivated: it can no longer decide.');
  });

  it('says why: the rules that matched, with their reasons in words', async () => {
    const { wrapper: w } = await mountTimeline(twoStepRoute());

    const rules = w.get('[data-testid="route-rules"]');
    expect(document.getElementById(rules.attributes('aria-labelledby') ?? '')?.textContent).toBe('Rules that apply');
    expect(rules.findAll('li').map((li) => squash(li.text()))).toEqual(['Big discounts: discount 25% > 20%', 'Large deals: total €12,000.00 ≥ €10,000.00']);
  });

  it('speaks Dutch in Dutch', async () => {
    const { wrapper: w } = await mountTimeline(twoStepRoute(), 'nl');

    expect(w.get('[data-testid="route-next"]').text()).toBe('Nu aan de beurt: Dirk Director of Ada Admin');
    expect(w.findAll('.step-title').map((title) => title.text())).toEqual(['Stap 1 van 2', 'Stap 2 van 2']);
    expect(w.findAll('.route-group')[1]?.get('.group-mode').text()).toBe('Eén van hen keurt goed.');
    expect(w.get('.route-notes').text()).toBe('Max Manager is de eigenaar van de offerte, dus ging de stap een niveau hoger naar Dirk Director.');
    expect(squash(w.get('[data-testid="route-rules"] li').text())).toBe('Big discounts: korting 25% > 20%');
  });

  it('shows a preview with every step waiting, no current step and nobody deciding yet', async () => {
    const preview = pendingRoute({
      currentStep: null,
      steps: [
        { step: 1, state: 'waiting', groups: [routeGroup([routeApprover(max.id)])] },
        { step: 2, state: 'waiting', groups: [routeGroup([routeApprover(dirk.id)])] },
      ],
    });
    const { wrapper: w } = await mountTimeline(preview);

    expect(w.find('[data-testid="route-next"]').exists()).toBe(false);
    expect(w.find('[aria-current]').exists()).toBe(false);
    expect(w.findAll('.route-step').map((step) => [squash(step.get('.step-header').text()), step.findAll('.route-approver').map((entry) => squash(entry.text()))])).toEqual([
      ['Step 1 of 2, Waiting', ['Max Manager, Waiting']],
      ['Step 2 of 2, Waiting', ['Dirk Director, Waiting']],
    ]);
    // One named approver: no "any one" or "all" to say.
    expect(w.find('.group-mode').exists()).toBe(false);
  });

  it('says which approvals were carried over from an earlier round (smart re-approval), in English and Dutch', async () => {
    const route = pendingRoute({
      currentStep: 2,
      steps: [
        { step: 1, state: 'approved', groups: [routeGroup([routeApprover(max.id, { state: 'approved', at: APPROVED_AT, carriedFromRound: 1 })], { state: 'approved' })] },
        { step: 2, state: 'pending', groups: [routeGroup([routeApprover(dirk.id, { state: 'pending' })])] },
      ],
    });
    const { wrapper: w } = await mountTimeline(route);
    expect(w.findAll('.route-approver').map((entry) => squash(entry.text()))).toEqual([`Max Manager, Approved, ${formatDateTime(APPROVED_AT, 'en')}, Carried over from round 1`, 'Dirk Director, To decide']);
    w.unmount();
    const { wrapper: nl } = await mountTimeline(route, 'nl');
    expect(nl.findAll('[data-testid="approver-carried"]').map((entry) => entry.text())).toEqual(['Overgenomen uit ronde 1']);
  });

  it('says when nobody can approve a group, and why', async () => {
    const route = pendingRoute({
      currentStep: null,
      rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }],
      steps: [{ step: 1, state: 'waiting', groups: [routeGroup([], { refs: [{ kind: 'manager', levels: 2 }], notes: [{ code: 'unresolved', because: 'none' }] })] }],
    });
    const { wrapper: w } = await mountTimeline(route);

    expect(w.get('.group-nobody').text()).toBe('Nobody can approve this group.');
    expect(w.get('.group-named').text()).toBe('The rule names: the manager 2 levels up');
    expect(w.get('.route-notes').text()).toBe(
      'Nobody is named (no manager, or an empty team), and there is no fallback approver: nobody can approve this step until an admin fixes the approval policy.',
    );
    expect(w.get('[data-testid="route-rules"]').text()).toBe('approval is required on all quotes');
  });

  it('words what happened at each step besides decisions (reminders, escalations, delegations), in English and Dutch', async () => {
    const rita = { id: 'u-rita', name: 'Rita Rep', active: true };
    const at = (minute: number) => `2026-05-04T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const entry = (overrides: Partial<ApiSchemas['StepActivityResponse']>): ApiSchemas['StepActivityResponse'] => ({ kind: 'reminded', step: 1, from: null, to: null, by: null, note: null, reason: null, at: at(0), ...overrides });
    const activity = [
      entry({ kind: 'delegated', step: 0, from: max.id, to: adaUser.id, reason: 'out-of-office', at: at(1) }),
      entry({ kind: 'reminded', reason: 'no-decision', at: at(2) }),
      entry({ kind: 'reminded', by: rita.id, at: at(3) }),
      entry({ kind: 'escalated', to: dirk.id, reason: 'no-decision', at: at(4) }),
      entry({ kind: 'escalated', reason: 'nobody', at: at(5) }),
    ];
    const mount = (locale: 'en' | 'nl') => mountPage(ApprovalRouteTimeline, { path: '/login', locale, props: { route: twoStepRoute(), people: [...people, rita], activity } });
    const texts = (root: ParentNode) => [...root.querySelectorAll('[data-testid="step-activity"]')].map((list) => [list.getAttribute('aria-label'), [...list.querySelectorAll('li')].map((item) => squash(item.textContent ?? ''))]);

    const { wrapper: en } = await mount('en');
    expect(texts(en.element.parentElement ?? document)).toEqual([
      ['What happened at step 1', [`Ada Admin decides in the place of Max Manager (out of office), ${formatDateTime(at(1), 'en')}`]],
      [
        'What happened at step 2',
        [
          `The approvers were reminded automatically (no decision in time), ${formatDateTime(at(2), 'en')}`,
          `Rita Rep reminded the approvers, ${formatDateTime(at(3), 'en')}`,
          `Escalated to Dirk Director (no decision in time), ${formatDateTime(at(4), 'en')}`,
          `Not escalated: there was nobody to escalate to, ${formatDateTime(at(5), 'en')}`,
        ],
      ],
    ]);
    expect(en.find('[data-kind="escalated"] time').attributes('datetime')).toBe(at(4));
    en.unmount();

    const { wrapper: nl } = await mount('nl');
    expect(texts(nl.element.parentElement ?? document)).toEqual([
      ['Wat er gebeurde bij stap 1', [`Ada Admin beslist in de plaats van Max Manager (afwezig), ${formatDateTime(at(1), 'nl')}`]],
      [
        'Wat er gebeurde bij stap 2',
        [
          `De goedkeurders kregen automatisch een herinnering (geen beslissing op tijd), ${formatDateTime(at(2), 'nl')}`,
          `Rita Rep herinnerde de goedkeurders, ${formatDateTime(at(3), 'nl')}`,
          `Geëscaleerd naar Dirk Director (geen beslissing op tijd), ${formatDateTime(at(4), 'nl')}`,
          `Niet geëscaleerd: er was niemand om naar te escaleren, ${formatDateTime(at(5), 'nl')}`,
        ],
      ],
    ]);
  });

  it('shows no activity list for a step where nothing else happened, or for a preview', async () => {
    const { wrapper: w } = await mountTimeline(twoStepRoute());
    expect(w.find('[data-testid="step-activity"]').exists()).toBe(false);
  });
});
