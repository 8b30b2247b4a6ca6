import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { type FakeRoute } from '../../testing/fake-api';
import { FakeEventSource, liveEvent } from '../../testing/fake-event-source';
import { acmeDeal, anna, quote, rita } from '../../testing/quotes';
import { allQuotesMatch, approvalPreview, approvalPreviewBecause, noApprovalNeeded } from '../../testing/approvals';
import { mountPage } from '../../testing/mount-page';
import { useLiveEventsStore } from '../../live/live-events.store';
import QuoteDetailPage from './quote-detail-page.vue';

const MAX = '0190a000-0000-7000-8000-00000000a002';
const live = quote({
  status: 'signed',
  sharePath: '/q/slug-1',
  signature: { name: 'Bea Buyer', email: 'bea@acme.example', signedAt: '2026-05-03T09:00:00.000Z' },
  history: [
    { status: 'draft', previousStatus: null, at: '2026-05-01T09:00:00.000Z', by: rita.id, note: null },
    { status: 'pending_approval', previousStatus: 'draft', at: '2026-05-01T10:00:00.000Z', by: rita.id, note: null },
    { status: 'changes_requested', previousStatus: 'pending_approval', at: '2026-05-01T11:00:00.000Z', by: MAX, note: 'Lower the discount' },
    { status: 'published', previousStatus: 'approved', at: '2026-05-02T09:00:00.000Z', by: null, note: null },
    { status: 'signed', previousStatus: 'published', at: '2026-05-03T09:00:00.000Z', by: null, note: 'Signed by Bea Buyer <bea@acme.example>' },
  ],
  version: 6,
});
const QUOTE_PATH = `/api/v1/quotes/${live.id}`;

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

function mountDetail(routes: Record<string, FakeRoute>) {
  return mountPage(QuoteDetailPage, {
    path: `/quotes/${live.id}`,
    routes: {
      'GET /api/v1/me': { status: 200, body: rita },
      'GET /api/v1/users/names': ({ url }) => ({
        status: 200,
        body: { items: [{ id: rita.id, name: 'Rita Rep' }, { id: MAX, name: 'Max Manager' }].filter((person) => (url.searchParams.get('ids') ?? '').split(',').includes(person.id)) },
      }),
      'GET /api/v1/crm/deals': { status: 200, body: { items: [acmeDeal] } },
      'GET /api/v1/crm/contacts': { status: 200, body: { items: [anna] } },
      ...routes,
    },
  });
}

function button(w: VueWrapper, name: string) {
  return w.findAll('button').find((candidate) => candidate.text() === name);
}

describe('quote page', () => {
  it('shows number, title, status, company, deal, recipients, owner, line items and totals', async () => {
    const { wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 200, body: live } });

    expect(w.get('h1').text()).toBe('Website redesign');
    expect(w.get('.detail-number').text()).toBe('Q-2026-0001');
    expect(w.get('.detail-header').text()).toContain('Signed');
    const summary = w.get('section[aria-labelledby="summary-heading"]').text();
    for (const expected of ['Acme BV', 'Acme website', 'Anna de Vries (anna@acme.example)', 'Rita Rep', '31 Jan 2027', `${window.location.origin}/q/slug-1`]) {
      expect(summary).toContain(expected);
    }
    expect(summary).toMatch(/Signed by Bea Buyer \(bea@acme\.example\) on 3 May 2026/);
    expect(w.text()).toContain('€2,649.99');
    expect(w.text()).toContain('Net 30.');
    expect(w.get('[data-payment-terms]').text()).toBe('Payment terms: net 30 days');
    // The monthly Hosting line says so after its price (read out as "per month"); the one-time Design line says nothing.
    const periods = w.findAll('table.lines tbody tr').map((row) => (row.find('.period').exists() ? [row.get('.period [aria-hidden="true"]').text(), row.get('.period .sr-only').text()] : null));
    expect(periods).toEqual([null, ['/ month', 'per month']]);
  });

  it('shows each history step with its status, who took it (a user, the buyer or the system) and when', async () => {
    const { api, wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 200, body: live } });

    expect(api.calls.filter((call) => call.path === '/api/v1/users/names').map((call) => call.method)).toEqual(['GET']);
    const entries = w.findAll('.history-entry');
    expect(entries.map((entry) => [entry.find('.quote-status-tag').text(), entry.find('.history-actor').text()])).toEqual([
      ['Signed', 'by Buyer'],
      ['Published', 'by System'],
      ['Changes requested', 'by Max Manager'],
      ['Pending approval', 'by Rita Rep'],
      ['Draft', 'by Rita Rep'],
    ]);
    expect(entries[2]?.find('.history-note').text()).toContain('Lower the discount');
    expect(entries[0]?.find('time').attributes('datetime')).toBe('2026-05-03T09:00:00.000Z');
    expect(entries[0]?.find('time').text()).toMatch(/^3 May 2026, \d{2}:\d{2}$/);
  });

  it('copies the absolute buyer URL and confirms "Link copied"; offers the PDF as a plain download link', async () => {
    const { wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 200, body: live } });

    await button(w, 'Copy link')?.trigger('click');
    await flushPromises();

    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/q/slug-1`);
    expect(w.get('.detail-status').attributes('role')).toBe('status');
    expect(w.get('.detail-status').text()).toBe('Link copied');
    const pdf = w.findAll('a').find((link) => link.text() === 'Download PDF');
    expect(pdf?.attributes('href')).toBe('/api/v1/shared-quotes/slug-1/pdf');
    expect(pdf?.attributes('download')).toBe('');
  });

  it('offers Edit only for a draft, and no Recall, Copy link or PDF without a buyer link', async () => {
    const { wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 200, body: quote() } });

    expect(w.findAll('a').find((link) => link.text() === 'Edit')?.attributes('href')).toBe(`/quotes/${live.id}/edit`);
    expect(button(w, 'Recall')).toBeUndefined();
    expect(button(w, 'Copy link')).toBeUndefined();
    expect(w.findAll('a').some((link) => link.text() === 'Download PDF')).toBe(false);
  });

  it('says whether a quote that can still be edited needs approval, from whom and why', async () => {
    const changes = quote({ status: 'changes_requested', version: 4 });
    const { api, wrapper: w } = await mountDetail({
      [`GET ${QUOTE_PATH}`]: { status: 200, body: changes },
      [`GET /api/v1/approvals/quotes/${live.id}/preview`]: {
        status: 200,
        body: approvalPreview(),
      },
    });

    expect(api.calls.filter((call) => call.path === `/api/v1/approvals/quotes/${live.id}/preview`)).toHaveLength(1);
    expect(w.get('[data-testid="approval-summary"]').text()).toBe('Needs approval from Max Manager, because discount 25% > 20%');
  });

  it('asks no approval question once the quote is out of the rep’s hands', async () => {
    const { api, wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 200, body: live } });

    expect(w.find('[data-testid="approval-summary"]').exists()).toBe(false);
    expect(api.calls.some((call) => call.path.startsWith('/api/v1/approvals/'))).toBe(false);
  });

  it('asks again after a live change to the quote (a new version)', async () => {
    let current = quote({ version: 1 });
    let required = false;
    const { api, wrapper: w } = await mountDetail({
      [`GET ${QUOTE_PATH}`]: () => ({ status: 200, body: current }),
      [`GET /api/v1/approvals/quotes/${live.id}/preview`]: () => ({
        status: 200,
        body: required ? approvalPreviewBecause(allQuotesMatch) : noApprovalNeeded,
      }),
    });
    expect(w.get('[data-testid="approval-summary"]').text()).toBe('No approval needed');
    const liveStore = useLiveEventsStore();
    liveStore.connect({ EventSource: FakeEventSource });
    const source = FakeEventSource.latest;
    source?.open();

    current = quote({ version: 2 });
    required = true;
    source?.emit('quotes.quote.updated.v1', liveEvent('quotes.quote.updated.v1', { aggregateId: live.id }));

    await vi.waitFor(() => expect(w.get('[data-testid="approval-summary"]').text()).toBe('Needs approval from Max Manager, because approval is required on all quotes'));
    expect(api.calls.filter((call) => call.path.endsWith('/preview')).length).toBeGreaterThanOrEqual(2);
    liveStore.disconnect();
  });

  it('recalls after a confirm dialog that says the buyer’s link stops working', async () => {
    const published = quote({ status: 'approval_not_needed', sharePath: '/q/slug-1', version: 2 });
    const { api, wrapper: w } = await mountDetail({
      [`GET ${QUOTE_PATH}`]: { status: 200, body: published },
      [`POST ${QUOTE_PATH}/recall`]: { status: 200, body: quote({ status: 'draft', sharePath: null, version: 3 }) },
    });

    const recall = button(w, 'Recall');
    expect(recall?.attributes('aria-haspopup')).toBe('dialog');
    await recall?.trigger('click');
    await flushPromises();

    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Recall this quote?');
    expect(document.getElementById(dialog?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('The buyer’s link stops working at once');
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.trim() === 'Recall quote');
    confirm?.click();
    await flushPromises();

    expect(api.calls.find((call) => call.path === `${QUOTE_PATH}/recall`)?.body).toEqual({ version: 2 });
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(w.get('.detail-header').text()).toContain('Draft');
    expect(w.get('.detail-status').text()).toBe('Quote recalled: it is a draft again.');
    expect(button(w, 'Recall')).toBeUndefined();
    expect(w.find('[data-testid="buyer-link"]').exists()).toBe(false);
  });

  it('withdraws a quote pending approval after a confirm dialog that says the round is cancelled', async () => {
    const pending = quote({ status: 'pending_approval', version: 2 });
    const { api, wrapper: w } = await mountDetail({
      [`GET ${QUOTE_PATH}`]: { status: 200, body: pending },
      [`POST ${QUOTE_PATH}/withdraw`]: { status: 200, body: quote({ status: 'draft', version: 3 }) },
      [`GET /api/v1/approvals/quotes/${live.id}/preview`]: { status: 200, body: noApprovalNeeded },
    });

    expect(button(w, 'Edit')).toBeUndefined();
    const withdraw = button(w, 'Withdraw');
    expect(withdraw?.attributes('aria-haspopup')).toBe('dialog');
    await withdraw?.trigger('click');
    await flushPromises();

    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    expect(document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Withdraw this quote?');
    expect(document.getElementById(dialog?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('its approval round is cancelled');
    [...(dialog?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.trim() === 'Withdraw quote')?.click();
    await flushPromises();

    expect(api.calls.find((call) => call.path === `${QUOTE_PATH}/withdraw`)?.body).toEqual({ version: 2 });
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(w.get('.detail-header').text()).toContain('Draft');
    expect(w.get('.detail-status').text()).toBe('Quote withdrawn: it is a draft again.');
    expect(button(w, 'Withdraw')).toBeUndefined();
  });

  it('offers no Withdraw to a manager looking at a rep’s quote pending approval', async () => {
    const { wrapper: w } = await mountDetail({
      'GET /api/v1/me': { status: 200, body: { id: MAX, email: 'manager@example.com', name: 'Max Manager', role: 'manager' } },
      [`GET ${QUOTE_PATH}`]: { status: 200, body: quote({ status: 'pending_approval', version: 2 }) },
    });
    expect(w.get('.detail-header').text()).toContain('Pending approval');
    expect(button(w, 'Withdraw')).toBeUndefined();
  });

  it('reloads when an event of this quote arrives, not for other quotes', async () => {
    let current = quote({ status: 'approval_not_needed', sharePath: '/q/slug-1', version: 2 });
    const { api, wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: () => ({ status: 200, body: current }) });
    const liveStore = useLiveEventsStore();
    liveStore.connect({ EventSource: FakeEventSource });
    const source = FakeEventSource.latest;
    source?.open();
    const loads = () => api.calls.filter((call) => call.path === QUOTE_PATH).length;
    const before = loads();

    source?.emit('quotes.quote.signed.v1', liveEvent('quotes.quote.signed.v1', { aggregateId: 'another-quote' }));
    await flushPromises();
    expect(loads()).toBe(before);

    current = quote({ ...live });
    source?.emit('quotes.quote.signed.v1', liveEvent('quotes.quote.signed.v1', { aggregateId: live.id }));
    await vi.waitFor(() => expect(w.get('.detail-header').text()).toContain('Signed'));
    expect(w.get('.detail-status').text()).toBe('This quote was updated.');
    liveStore.disconnect();
  });

  it('says so when the quote does not exist or may not be seen', async () => {
    const { wrapper: w } = await mountDetail({ [`GET ${QUOTE_PATH}`]: { status: 404, body: { statusCode: 404, code: 'QUOTES.NOT_FOUND', message: 'No quote', details: {} } } });

    expect(w.get('h1').text()).toBe('Quote');
    expect(w.get('[role="alert"]').text()).toContain('This quote does not exist or you may not see it.');
  });
});
