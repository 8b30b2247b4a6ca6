import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { FakeEventSource, liveEvent } from '../../testing/fake-event-source';
import { mountPage } from '../../testing/mount-page';
import { max, maxMe, pendingQuote, pendingRoute, people, round, routeApprover, routeGroup, secondRoundPage } from '../../testing/approvals';
import { rita } from '../../testing/quotes';
import { useLiveEventsStore } from '../../live/live-events.store';
import ApprovalPage from './approval-page.vue';

const QUOTE = `/api/v1/quotes/${pendingQuote.id}`;
const APPROVAL = `/api/v1/approvals/quotes/${pendingQuote.id}`;

async function mountApproval(routes: Record<string, FakeRoute>, me = maxMe, locale: 'en' | 'nl' = 'en') {
  const { api, wrapper, router } = await mountPage(ApprovalPage, {
    path: `/quotes/${pendingQuote.id}/approval`,
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      [`GET ${QUOTE}`]: { status: 200, body: pendingQuote },
      [`GET ${APPROVAL}`]: { status: 200, body: secondRoundPage() },
      [`GET /api/v1/records/quote/${pendingQuote.id}/properties`]: {
        status: 200,
        body: { properties: [{ name: 'approval_status', value: 'pending_approval', updatedAt: '2026-05-01T12:00:00.000Z', updatedBy: null }], history: [] },
      },
      'GET /api/v1/users/names': ({ url }) => ({
        status: 200,
        body: { items: people.filter((person) => (url.searchParams.get('ids') ?? '').split(',').includes(person.id)) },
      }),
      ...routes,
    },
  });
  // The page asks for the names of the people in it once it has loaded.
  await flushPromises();
  return { api, wrapper, router };
}

function buttonNamed(w: VueWrapper, name: string) {
  const found = w.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function posts(calls: Array<{ method: string; path: string; body: unknown }>, suffix: string) {
  return calls.filter((call) => call.method === 'POST' && call.path === `${APPROVAL}/${suffix}`).map((call) => call.body);
}

describe('approval page', () => {
  it('shows the quote as the buyer will see it, why it needs approval, the round and the decisions so far', async () => {
    const { wrapper: w } = await mountApproval({});

    expect(w.get('h1').text()).toBe('Website redesign');
    expect(w.get('.approval-number').text()).toBe('Quote Q-2026-0001');
    expect(w.get('.approval-header').text()).toContain('Pending approval');
    expect(w.get('[data-testid="approval-round"]').text()).toBe('Round 2 · Waiting for a decision');
    const why = w.get('section[aria-labelledby="approval-why-heading"]');
    expect(why.get('h2').text()).toBe('Why it needs approval');
    expect(why.get('[data-testid="route-next"]').text()).toBe('Next: Max Manager');
    expect(why.get('[data-testid="route-rules"]').text().replace(/\s+/g, ' ')).toBe('Big discounts: discount 25% > 20%');
    expect(why.findAll('.route-step').map((step) => [step.get('.step-title').text(), step.get('.state-tag').text(), step.attributes('aria-current')])).toEqual([['Step 1 of 1', 'Deciding now', 'step']]);
    expect(why.get('.approver-name').text()).toBe('Max Manager');
    expect(why.get('.facts').text()).toContain('Rita Rep');
    expect(why.get('.facts').text()).toContain('Acme BV');
    // The quote as the buyer sees it: lines, discounts, totals, comments, terms.
    const document_ = w.get('section[aria-labelledby="approval-document-heading"]').text();
    for (const expected of ['Design', 'Hosting', '10%', '€2,649.99', 'Looking forward to it.', 'Net 30.']) expect(document_).toContain(expected);
    const decisions = w.get('section[aria-labelledby="approval-decisions-heading"]').text();
    expect(decisions).toContain('Round 1');
    expect(decisions).toContain('Max Manager requested changes');
    expect(decisions).toContain('Lower the discount to 15%');
    expect(w.text()).toContain('Pending approval');
  });

  it('words the approval_status value code in the properties card, in English and in Dutch; a value of an admin’s own as it is', async () => {
    const card = (w: VueWrapper) => w.get('section[aria-labelledby="approval-properties-heading"]').findAll('dl > div').map((d) => [d.get('dt').text(), d.get('dd').text()]);
    const properties = (value: string) => ({
      [`GET /api/v1/records/quote/${pendingQuote.id}/properties`]: { status: 200, body: { properties: [{ name: 'approval_status', value, updatedAt: '2026-05-01T12:00:00.000Z', updatedBy: null }], history: [] } },
    });
    const shown = async (value: string, locale: 'en' | 'nl' = 'en') => {
      const { wrapper } = await mountApproval(properties(value), maxMe, locale);
      const rows = card(wrapper);
      wrapper.unmount();
      return rows;
    };
    expect(await shown('changes_requested')).toEqual([['Approval status', 'Changes requested']]);
    expect(await shown('withdrawn', 'nl')).toEqual([['Goedkeuringsstatus', 'Ingetrokken']]);
    expect(await shown('On hold')).toEqual([['Approval status', 'On hold']]);
  });

  it('marks an approver whose account was deactivated, in English and in Dutch', async () => {
    const page = secondRoundPage({
      current: round({
        round: 2,
        approverIds: [max.id, 'u-gone'],
        currentApproverIds: [max.id, 'u-gone'],
        route: pendingRoute({
          steps: [{ step: 1, state: 'pending', groups: [routeGroup([routeApprover(max.id, { state: 'pending' }), routeApprover('u-gone', { state: 'pending' })], { mode: 'all' })] }],
        }),
      }),
      approvers: [
        { id: max.id, name: 'Max Manager', active: true },
        { id: 'u-gone', name: 'Gina Gone', active: false },
      ],
    });
    const { wrapper: w } = await mountApproval({ [`GET ${APPROVAL}`]: { status: 200, body: page } });
    const why = w.get('[data-testid="approval-why"]');
    expect(why.get('.group-mode').text()).toBe('All of them must approve.');
    expect(why.findAll('.route-approver').map((li) => [li.get('.approver-name').text(), li.find('.deactivated-tag').exists() ? li.get('.deactivated-tag').text() : null, li.attributes('data-active')])).toEqual([
      ['Max Manager', null, 'true'],
      ['Gina Gone', 'deactivated', 'false'],
    ]);
    // Who decides now: only those who still can.
    expect(why.get('[data-testid="route-next"]').text()).toBe('Next: Max Manager');
    expect(w.text()).toContain('This account was deactivated: it can no longer decide.');
    w.unmount();
    document.body.innerHTML = '';

    const { wrapper: nl } = await mountApproval({ [`GET ${APPROVAL}`]: { status: 200, body: page } }, maxMe, 'nl');
    expect(nl.get('[data-testid="approval-why"] .deactivated-tag').text()).toBe('gedeactiveerd');
    expect(nl.get('[data-testid="approval-why"] h2').text()).toBe('Waarom goedkeuring nodig is');
  });

  it('shows a route of two steps: who approved step 1 and when, step 2 deciding now, and why a later approver waits', async () => {
    const dirk = { id: 'u-dirk', name: 'Dirk Director', active: true };
    const page = secondRoundPage({
      current: round({
        round: 2,
        approverIds: [max.id, dirk.id],
        currentApproverIds: [max.id],
        route: pendingRoute({
          steps: [
            { step: 1, state: 'pending', groups: [routeGroup([routeApprover(max.id, { state: 'pending' })])] },
            {
              step: 2,
              state: 'waiting',
              groups: [routeGroup([routeApprover(dirk.id)], { refs: [{ kind: 'manager', levels: 2 }], notes: [{ code: 'moved-up', skipped: max.id, because: 'owner', to: dirk.id }] })],
            },
          ],
        }),
      }),
      approvers: [{ id: max.id, name: 'Max Manager', active: true }, dirk],
      canDecide: false,
    });
    const { wrapper: w } = await mountApproval({ [`GET ${APPROVAL}`]: { status: 200, body: page } }, { ...maxMe, id: dirk.id, name: dirk.name });

    const steps = w.findAll('[data-testid="approval-why"] .route-step');
    expect(steps.map((step) => [step.get('.step-title').text(), step.get('.state-tag').text(), step.attributes('aria-current') ?? null])).toEqual([
      ['Step 1 of 2', 'Deciding now', 'step'],
      ['Step 2 of 2', 'Waiting', null],
    ]);
    expect(steps[1]?.get('.group-named').text()).toBe('The rule names: the manager 2 levels up');
    expect(steps[1]?.get('.route-notes').text()).toBe('Max Manager is the quote’s owner, so the step moved up to Dirk Director.');
    expect(w.get('#approval-blocked').text()).toBe('Your turn comes in a later step of the route: the current step decides first.');
  });

  it('asks again when the next step of the route starts (live)', async () => {
    const { api } = await mountApproval({});
    useLiveEventsStore().connect({ EventSource: FakeEventSource });
    FakeEventSource.latest?.open();

    FakeEventSource.latest?.emit(
      'approvals.request.step-started.v1',
      liveEvent('approvals.request.step-started.v1', { aggregateId: 'req-1', payload: { quoteId: pendingQuote.id } }),
    );
    await flushPromises();

    expect(api.calls.filter((call) => call.method === 'GET' && call.path === APPROVAL)).toHaveLength(2);
  });

  it('says who is next after approving a step before the last', async () => {
    const dirk = { id: 'u-dirk', name: 'Dirk Director', active: true };
    const twoSteps = (current: 1 | 2) =>
      secondRoundPage({
        current: round({
          round: 2,
          approverIds: [max.id, dirk.id],
          currentApproverIds: [current === 1 ? max.id : dirk.id],
          route: pendingRoute({
            currentStep: current,
            steps: [
              { step: 1, state: current === 1 ? 'pending' : 'approved', groups: [routeGroup([routeApprover(max.id, { state: current === 1 ? 'pending' : 'approved' })])] },
              { step: 2, state: current === 1 ? 'waiting' : 'pending', groups: [routeGroup([routeApprover(dirk.id, { state: current === 1 ? 'waiting' : 'pending' })])] },
            ],
          }),
        }),
        approvers: [{ id: max.id, name: 'Max Manager', active: true }, dirk],
        canDecide: current === 1,
      });
    let step: 1 | 2 = 1;
    const { wrapper: w } = await mountApproval({
      [`GET ${APPROVAL}`]: () => ({ status: 200, body: twoSteps(step) }),
      [`POST ${APPROVAL}/approve`]: () => {
        step = 2;
        return { status: 200, body: twoSteps(2).current };
      },
    });

    await buttonNamed(w, 'Approve and publish').trigger('click');
    await flushPromises();

    expect(w.get('.approval-status').text()).toBe('You approved step 1 of 2. Next: Dirk Director.');
    expect(w.get('.approval-header').text()).toContain('Pending approval');
  });

  it('reloads the approval properties when a workflow changes one of this quote’s (e.g. the next step’s approver)', async () => {
    const { api } = await mountApproval({});
    useLiveEventsStore().connect({ EventSource: FakeEventSource });
    FakeEventSource.latest?.open();
    const propertyLoads = () => api.calls.filter((call) => call.path === `/api/v1/records/quote/${pendingQuote.id}/properties`).length;
    const before = propertyLoads();

    FakeEventSource.latest?.emit('workflows.property.changed.v1', liveEvent('workflows.property.changed.v1', { aggregateId: 'p-1', payload: { recordType: 'quote', recordId: 'another-quote' } }));
    FakeEventSource.latest?.emit('workflows.property.changed.v1', liveEvent('workflows.property.changed.v1', { aggregateId: 'p-2', payload: { recordType: 'quote', recordId: pendingQuote.id } }));
    await flushPromises();

    expect(propertyLoads()).toBe(before + 1);
  });

  it('says why the submitter of a round cannot decide it', async () => {
    const page = secondRoundPage({ current: round({ round: 2, approverIds: [max.id], submittedBy: max.id }), canDecide: false });
    const { wrapper: w } = await mountApproval({ [`GET ${APPROVAL}`]: { status: 200, body: page } });
    expect(buttonNamed(w, 'Approve and publish').attributes('disabled')).toBe('');
    expect(w.get('#approval-blocked').text()).toBe('You submitted this round, so someone else must decide it.');
  });

  it('lists what changed since the previous round line by line, with before → after', async () => {
    const { wrapper: w } = await mountApproval({});

    const changes = w.get('[data-testid="approval-changes"]');
    expect(changes.get('h2').text()).toBe('What changed since round 1');
    const items = changes.findAll('.changes > li');
    expect(items.map((item) => item.attributes('data-kind'))).toEqual(['changed', 'added', 'removed', 'quote']);
    const design = items[0]?.text().replace(/\s+/g, ' ');
    expect(design).toContain('Changed Design');
    expect(design).toContain('Discount: 25% → changed to 15%');
    expect(design).toContain('Amount: €2,250.00 → changed to €2,550.00');
    expect(items[0]?.get('del').text()).toBe('25%');
    expect(items[0]?.get('ins').text()).toBe('15%');
    expect(items[1]?.text()).toContain('Added');
    expect(items[1]?.text()).toContain('Support');
    expect(items[2]?.text()).toContain('Removed');
    expect(items[2]?.text()).toContain('Hosting');
    expect(items[3]?.text().replace(/\s+/g, ' ')).toContain('Total: €2,199.99 → changed to €2,449.99');
  });

  it('says there is nothing to compare in the first round', async () => {
    const { wrapper: w } = await mountApproval({
      [`GET ${APPROVAL}`]: { status: 200, body: { ...secondRoundPage(), current: round(), rounds: [round()], changes: { lines: [], quote: {} } } },
    });

    expect(w.get('[data-testid="approval-changes"]').text()).toContain('This is the first round: there is nothing to compare yet.');
    expect(w.get('section[aria-labelledby="approval-decisions-heading"]').text()).toContain('No decisions yet.');
  });

  it('puts Approve and publish (primary) and Request changes top right, enabled when the caller can decide', async () => {
    const { wrapper: w } = await mountApproval({});

    const group = w.get('[role="group"][aria-label="Decision"]');
    const [approve, request] = group.findAll('button');
    expect(approve?.text()).toBe('Approve and publish');
    expect(approve?.classes()).not.toContain('p-button-secondary');
    expect(request?.text()).toBe('Request changes');
    expect(request?.attributes('aria-haspopup')).toBe('dialog');
    expect(approve?.attributes('disabled')).toBeUndefined();
    expect(request?.attributes('disabled')).toBeUndefined();
    expect(w.find('#approval-blocked').exists()).toBe(false);
  });

  it.each([
    ['the round is already decided', { current: round({ round: 2, status: 'approved' as const }) }, maxMe, 'This round is already approved.'],
    ['the round is over', { current: round({ round: 2, status: 'cancelled' as const }) }, maxMe, 'This round is over: the quote was recalled or submitted again.'],
    ['the caller created the quote', {}, { ...maxMe, id: rita.id }, 'You created this quote, so someone else must approve it.'],
    [
      'the caller already decided',
      { current: round({ round: 2, approverIds: [max.id, 'u-other'], decisions: [{ approverId: max.id, decision: 'approve' as const, notes: null, at: '2026-05-01T12:30:00.000Z', step: 0 }] }) },
      maxMe,
      'You already decided in this round.',
    ],
  ])('disables both buttons and says why when canDecide is false (%s)', async (_case, overrides, me, reason) => {
    const { wrapper: w, api } = await mountApproval({ [`GET ${APPROVAL}`]: { status: 200, body: secondRoundPage({ ...overrides, canDecide: false }) } }, me);

    const approve = buttonNamed(w, 'Approve and publish');
    const request = buttonNamed(w, 'Request changes');
    expect(approve.attributes('disabled')).toBe('');
    expect(request.attributes('disabled')).toBe('');
    expect(w.get('#approval-blocked').text()).toBe(reason);
    expect(approve.attributes('aria-describedby')).toBe('approval-blocked');
    await approve.trigger('click');
    await flushPromises();
    expect(posts(api.calls, 'approve')).toEqual([]);
  });

  it('approves the round shown, shows the outcome and follows the quote to Published live', async () => {
    let status: 'pending_approval' | 'approved' | 'published' = 'pending_approval';
    const { wrapper: w, api } = await mountApproval({
      [`GET ${QUOTE}`]: () => ({ status: 200, body: { ...pendingQuote, status } }),
      [`POST ${APPROVAL}/approve`]: () => {
        status = 'approved';
        return { status: 200, body: round({ round: 2, status: 'approved' }) };
      },
    });
    useLiveEventsStore().connect({ EventSource: FakeEventSource });
    FakeEventSource.latest?.open();

    await buttonNamed(w, 'Approve and publish').trigger('click');
    await flushPromises();

    expect(posts(api.calls, 'approve')).toEqual([{ round: 2 }]);
    expect(w.get('.approval-status').text()).toBe('You approved round 2. The quote is being published…');
    expect(document.activeElement?.id).toBe('approval-heading');

    status = 'published';
    FakeEventSource.latest?.emit('quotes.quote.published.v1', liveEvent('quotes.quote.published.v1', { aggregateId: pendingQuote.id, payload: { quoteId: pendingQuote.id } }));
    await flushPromises();
    await flushPromises();
    expect(w.get('.approval-header').text()).toContain('Published');
    expect(w.get('.approval-status').text()).toBe('Approved and published. Rita Rep can now share it with contacts.');
  });

  it('says why a decision failed (409 stale round) and reloads the current round', async () => {
    const { wrapper: w, api } = await mountApproval({ [`POST ${APPROVAL}/approve`]: apiError(409, 'APPROVALS.STALE_ROUND') });

    await buttonNamed(w, 'Approve and publish').trigger('click');
    await flushPromises();

    expect(w.get('.approval-error').text()).toBe('This round is over: the quote was submitted again. The page now shows the current round.');
    expect(api.calls.filter((call) => call.method === 'GET' && call.path === APPROVAL)).toHaveLength(2);
  });

  it('shows "You are not allowed to review this quote" to someone who is not an approver (403)', async () => {
    const { wrapper: w } = await mountApproval({ [`GET ${APPROVAL}`]: apiError(403, 'APPROVALS.NOT_AN_APPROVER') }, { ...maxMe, id: 'u-remy', role: 'rep' });

    expect(w.get('h1').text()).toBe('You are not allowed to review this quote');
    expect(w.get('[data-testid="approval-forbidden"]').text()).toContain('Only the approvers of this quote can open its approval page.');
    expect(w.findAll('button').some((button) => button.text() === 'Approve and publish')).toBe(false);
  });

  it('says so when the quote has no approval request', async () => {
    const { wrapper: w } = await mountApproval({
      [`GET ${APPROVAL}`]: apiError(404, 'APPROVALS.NOT_FOUND'),
      [`GET ${QUOTE}`]: { status: 200, body: { ...pendingQuote, status: 'draft' } },
    });

    expect(w.get('h1').text()).toBe('No approval request for this quote');
  });
});

describe('request changes dialog', () => {
  it('opens a modal dialog that requires Notes, then sends them with the round and shows the outcome', async () => {
    const { wrapper: w, api } = await mountApproval({
      [`POST ${APPROVAL}/request-changes`]: { status: 200, body: round({ round: 2, status: 'changes_requested' }) },
    });

    await buttonNamed(w, 'Request changes').trigger('click');
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    expect(dialog).not.toBeNull();
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()).toBe('Request changes');
    const notes = dialog?.querySelector<HTMLTextAreaElement>('textarea');
    expect(document.querySelector(`label[for="${notes?.id}"]`)?.textContent?.trim()).toBe('Notes');
    expect(notes?.getAttribute('aria-required')).toBe('true');

    // Empty notes: no request, the field says what is missing.
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Request changes');
    confirm?.click();
    await flushPromises();
    expect(posts(api.calls, 'request-changes')).toEqual([]);
    expect(notes?.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(notes?.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Write what should change.');
    expect(document.activeElement).toBe(notes);

    // Only spaces count as empty too.
    if (notes) {
      notes.value = '   ';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    }
    confirm?.click();
    await flushPromises();
    expect(posts(api.calls, 'request-changes')).toEqual([]);

    if (notes) {
      notes.value = 'Lower the discount to 15%';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await flushPromises();
    expect(notes?.getAttribute('aria-invalid')).toBeNull();
    confirm?.click();
    await flushPromises();
    await flushPromises();

    expect(posts(api.calls, 'request-changes')).toEqual([{ round: 2, notes: 'Lower the discount to 15%' }]);
    expect(w.get('.approval-status').text()).toBe('You requested changes. Rita Rep gets a task to act on them.');
  });
});
