import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import type { FakeCall, FakeReply, FakeRoute } from '../../testing/fake-api';
import { acmeDeal, anna, quote, rita } from '../../testing/quotes';
import { adaUser, approvalPreview, bigDiscounts, max, noApprovalNeeded, pendingRoute, routeApprover, routeGroup } from '../../testing/approvals';
import { mountPage } from '../../testing/mount-page';
import type { AppLocale } from '../../i18n';
import { formFromQuote, toDetailsRequest } from './quote-form';
import QuoteSetupPage from './quote-setup-page.vue';
import { ROUTE_PREVIEW_DELAY_MS } from './use-draft-route-preview';

const saved = quote();
const QUOTE_PATH = `/api/v1/quotes/${saved.id}`;
const PREVIEW = '/api/v1/quotes/approval-preview';

type PreviewBody = ApiSchemas['QuoteRoutePreviewRequest'];

/** Over 20 % discount on the first line: Max Manager, then Ada Admin (the demo policy); otherwise no approval. */
function previewFor(body: unknown): FakeReply {
  const discount = Number((body as PreviewBody).lineItems[0]?.discount?.value ?? 0);
  if (discount <= 20) return { status: 200, body: noApprovalNeeded };
  return {
    status: 200,
    body: approvalPreview({
      route: pendingRoute({
        currentStep: null,
        rules: [bigDiscounts(discount)],
        steps: [
          { step: 1, state: 'waiting', groups: [routeGroup([routeApprover(max.id)])] },
          { step: 2, state: 'waiting', groups: [routeGroup([routeApprover(adaUser.id)])] },
        ],
      }),
      people: [
        { id: max.id, name: max.name, active: true },
        { id: adaUser.id, name: adaUser.name, active: true },
      ],
    }),
  };
}

function mountAt(step: 'details' | 'lineItems' | 'terms', preview: FakeRoute = ({ body }) => previewFor(body), locale: AppLocale = 'en') {
  return mountPage(QuoteSetupPage, {
    path: `/quotes/${saved.id}/edit?step=${step}`,
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: rita },
      'GET /api/v1/crm/deals': { status: 200, body: { items: [acmeDeal] } },
      'GET /api/v1/crm/contacts': { status: 200, body: { items: [anna] } },
      [`GET ${QUOTE_PATH}`]: { status: 200, body: saved },
      [`POST ${PREVIEW}`]: preview,
    },
  });
}

/** The preview requests' bodies so far. */
const previewBodies = (calls: FakeCall[]) => calls.filter((call) => call.method === 'POST' && call.path === PREVIEW).map((call) => call.body as PreviewBody);

const sentence = (w: VueWrapper) => w.get('[data-testid="draft-route-text"]').text();
const panelBusy = (w: VueWrapper) => w.get('[data-testid="draft-route"]').attributes('aria-busy') === 'true';

/** Lets the debounce run out and the answer arrive. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(ROUTE_PREVIEW_DELAY_MS);
  await flushPromises();
}

/** Answers held back until the spec releases them, to answer requests out of order. */
function heldAnswers() {
  const waiting: Array<() => void> = [];
  const route: FakeRoute = ({ body }) => new Promise<FakeReply>((resolve) => waiting.push(() => resolve(previewFor(body))));
  return { route, answer: (index: number) => waiting[index]?.() };
}

describe('live approval preview in the set-up flow', () => {
  it('says who must approve the draft as it is, and follows a typed discount without saving it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, wrapper: w } = await mountAt('lineItems');

    // At once on arriving: the saved form as the save sends it, with the quote being edited.
    expect(previewBodies(api.calls)).toEqual([{ ...JSON.parse(JSON.stringify(toDetailsRequest(formFromQuote(saved), 'en'))), quoteId: saved.id }]);
    expect(sentence(w)).toBe('No approval needed');
    expect(w.get('[data-testid="draft-route-text"]').attributes('aria-live')).toBe('polite');

    await w.get('#line-0-discount-value').setValue('2');
    await w.get('#line-0-discount-value').setValue('25');
    await vi.advanceTimersByTimeAsync(ROUTE_PREVIEW_DELAY_MS - 1);
    // Still typing: nothing asked yet, and the last answer stays.
    expect(previewBodies(api.calls)).toHaveLength(1);
    expect(sentence(w)).toBe('No approval needed');
    await settle();

    const bodies = previewBodies(api.calls);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]?.lineItems[0]?.discount).toEqual({ type: 'percent', value: '25' });
    expect(bodies[1]?.quoteId).toBe(saved.id);
    expect(sentence(w)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 25% > 20%');
    expect(w.get('[data-testid="draft-route-text"]').attributes('data-required')).toBe('true');
    expect(panelBusy(w)).toBe(false);
    // Nothing was saved.
    expect(api.calls.filter((call) => call.method === 'PUT' || (call.method === 'POST' && call.path !== PREVIEW))).toEqual([]);
  });

  it('changes the announced sentence only when the answer’s sentence changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, wrapper: w } = await mountAt('lineItems');
    const live = w.get('[data-testid="draft-route-text"]').element;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(live.textContent?.trim() ?? ''));
    observer.observe(live, { subtree: true, childList: true, characterData: true });

    // A description does not change the route: asked again, the same sentence, nothing to announce.
    await w.get('#line-0-description').setValue('Two designers');
    await settle();
    expect(previewBodies(api.calls).map((body) => body.lineItems[0]?.description)).toEqual(['', 'Two designers']);
    expect(seen).toEqual([]);

    // Typed key by key: one new sentence, once.
    await w.get('#line-0-discount-value').setValue('3');
    await w.get('#line-0-discount-value').setValue('30');
    await settle();
    await flushPromises();
    observer.disconnect();
    expect(sentence(w)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 30% > 20%');
    expect(new Set(seen)).toEqual(new Set(['Needs approval from Max Manager, then Ada Admin, because discount 30% > 20%']));
  });

  it('ignores the answer to a form that has changed since, and keeps the last answer (busy) meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const held = heldAnswers();
    const { api, wrapper: w } = await mountAt('lineItems', held.route);
    held.answer(0);
    await flushPromises();
    expect(sentence(w)).toBe('No approval needed');

    // Asked for 25 %; while that answer is on its way, 30 % is typed and asked for.
    await w.get('#line-0-discount-value').setValue('25');
    await vi.advanceTimersByTimeAsync(ROUTE_PREVIEW_DELAY_MS);
    await w.get('#line-0-discount-value').setValue('30');
    expect(panelBusy(w)).toBe(true);
    held.answer(1);
    await flushPromises();
    // The 25 % answer is of a form no longer there: not shown.
    expect(sentence(w)).toBe('No approval needed');
    expect(panelBusy(w)).toBe(true);

    await vi.advanceTimersByTimeAsync(ROUTE_PREVIEW_DELAY_MS);
    // Asked for 35 % before the 30 % answer came: the 30 % answer, arriving after 35 %'s, counts for nothing.
    await w.get('#line-0-discount-value').setValue('35');
    await vi.advanceTimersByTimeAsync(ROUTE_PREVIEW_DELAY_MS);
    expect(previewBodies(api.calls).map((body) => body.lineItems[0]?.discount?.value)).toEqual(['10.00', '25', '30', '35']);
    held.answer(3);
    await flushPromises();
    expect(sentence(w)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 35% > 20%');
    expect(panelBusy(w)).toBe(false);
    held.answer(2);
    await flushPromises();
    expect(sentence(w)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 35% > 20%');
  });

  it('asks the user to fill in a draft it cannot judge yet, without error noise', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let refuse = false;
    const { api, wrapper: w } = await mountAt('lineItems', ({ body }) =>
      refuse
        ? { status: 400, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'lineItems.0.unitPrice: must be a decimal', details: { fields: [{ field: 'lineItems.0.unitPrice', reason: 'unitPrice must be a decimal number like 1500.00' }] } } }
        : previewFor(body),
    );

    // An empty price: not even asked.
    await w.get('#line-1-unitPrice').setValue('');
    await w.get('#line-1-productName').setValue(' ');
    await settle();
    expect(previewBodies(api.calls)).toHaveLength(1);
    expect(sentence(w)).toBe('To see who must approve, fill in or correct: Product name (line 2) and Unit price (line 2).');
    expect(w.get('[data-testid="draft-route-text"]').attributes('data-state')).toBe('incomplete');

    // A price the API refuses (400 with the field): the same kind of hint.
    refuse = true;
    await w.get('#line-1-unitPrice').setValue('49.99');
    await w.get('#line-1-productName').setValue('Hosting');
    await w.get('#line-0-unitPrice').setValue('15,00,0');
    await settle();
    expect(previewBodies(api.calls)).toHaveLength(2);
    expect(sentence(w)).toBe('To see who must approve, fill in or correct: Unit price (line 1).');
    // No error: not at the field, not in the page's alert, no alert role.
    expect(w.get('#line-0-unitPrice').attributes('aria-invalid')).toBeUndefined();
    expect(w.get('.form-alert').text()).toBe('');
    expect(w.get('[data-testid="draft-route"]').find('[role="alert"]').exists()).toBe(false);
    expect(w.find('[data-testid="draft-route-timeline"]').exists()).toBe(false);

    // Without lines, it asks for one.
    refuse = false;
    await w.get('.remove-line').trigger('click');
    await w.get('.remove-line').trigger('click');
    await settle();
    expect(sentence(w)).toBe('Add a line item to see who must approve.');
    expect(previewBodies(api.calls)).toHaveLength(2);
  });

  it('warns when a step has nobody to approve it, with the route open at it', async () => {
    const incomplete = approvalPreview({
      complete: false,
      route: pendingRoute({
        currentStep: null,
        rules: [bigDiscounts(25)],
        steps: [
          { step: 1, state: 'waiting', groups: [routeGroup([routeApprover(max.id)])] },
          { step: 2, state: 'waiting', groups: [routeGroup([], { refs: [{ kind: 'manager', levels: 2 }], notes: [{ code: 'unresolved', because: 'submitter' }] })] },
        ],
      }),
    });
    const { wrapper: w } = await mountAt('terms', { status: 200, body: incomplete });

    expect(sentence(w)).toBe('Needs approval, because discount 25% > 20%, but nobody can approve step 2: an admin must fix the approval policy before this quote can be submitted.');
    expect(w.get('[data-testid="draft-route-text"]').attributes('data-complete')).toBe('false');
    const toggle = w.get('button.draft-route-toggle');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(w.get('[data-testid="draft-route-timeline"]').isVisible()).toBe(true);
    expect(w.get('[data-testid="draft-route-timeline"] .group-nobody').text()).toBe('Nobody can approve this group.');
  });

  it('shows the route as a timeline behind "Show the approval route"', async () => {
    const { wrapper: w } = await mountAt('terms', { status: 200, body: previewFor({ lineItems: [{ discount: { value: '25' } }] }).body });

    const toggle = w.get('button.draft-route-toggle');
    const timeline = w.get('[data-testid="draft-route-timeline"]');
    expect([toggle.text(), toggle.attributes('aria-expanded'), toggle.attributes('aria-controls')]).toEqual(['Show the approval route', 'false', timeline.attributes('id')]);
    expect(timeline.isVisible()).toBe(false);

    await toggle.trigger('click');
    expect([toggle.text(), toggle.attributes('aria-expanded')]).toEqual(['Hide the approval route', 'true']);
    expect(timeline.isVisible()).toBe(true);
    expect(timeline.findAll('.approver-name').map((name) => name.text())).toEqual(['Max Manager', 'Ada Admin']);
    expect(timeline.findAll('.route-step').map((step) => step.attributes('data-state'))).toEqual(['waiting', 'waiting']);
  });

  it('speaks Dutch in Dutch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { wrapper: w } = await mountAt('lineItems', ({ body }) => previewFor(body), 'nl');
    expect(w.get('#draft-route-heading').text()).toBe('Goedkeuring');
    expect(sentence(w)).toBe('Geen goedkeuring nodig');

    await w.get('#line-0-discount-value').setValue('25');
    await settle();
    expect(sentence(w)).toBe('Goedkeuring nodig van Max Manager, daarna Ada Admin, omdat korting 25% > 20%');
    expect(w.get('button.draft-route-toggle').text()).toBe('Goedkeuringsroute tonen');

    await w.get('#line-1-unitPrice').setValue('');
    await settle();
    expect(sentence(w)).toBe('Om te zien wie moet goedkeuren, vul in of verbeter: Stukprijs (regel 2).');
  });

  it('is not on Details, and asks once the Line items step shows it', async () => {
    const { api, wrapper: w } = await mountAt('details');
    expect(w.find('[data-testid="draft-route"]').exists()).toBe(false);
    expect(previewBodies(api.calls)).toEqual([]);

    await w.get('form').trigger('submit');
    await flushPromises();

    expect(previewBodies(api.calls)).toHaveLength(1);
    expect(sentence(w)).toBe('No approval needed');
  });

  it('shows nothing to someone the API does not let ask', async () => {
    const { wrapper: w } = await mountAt('terms', { status: 403, body: { statusCode: 403, code: 'QUOTES.NOT_OWNER', message: 'Not the owner', details: null } });

    expect(w.find('[data-testid="draft-route"]').exists()).toBe(false);
    expect(w.get('.form-alert').text()).toBe('');
  });
});
