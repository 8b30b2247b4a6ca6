import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { type FakeReply, type FakeRoute } from '../../testing/fake-api';
import { FakeEventSource, liveEvent } from '../../testing/fake-event-source';
import { listItem, quote, rita } from '../../testing/quotes';
import { mountPage, PAGE_LOAD } from '../../testing/mount-page';
import { useLiveEventsStore } from '../../live/live-events.store';
import QuotesPage from './quotes-page.vue';

const draft = listItem();
const live = listItem({ id: '0190a000-0000-7000-8000-000000000002', number: 'Q-2026-0002', title: 'Support retainer', status: 'approval_not_needed', total: '950.00', version: 2 });

const listReply = (overrides: Record<string, unknown> = {}): FakeReply => ({
  status: 200,
  body: { items: [draft, live], nextCursor: null, countsByStatus: { draft: 1, approval_not_needed: 1 }, ...overrides },
});

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

async function mountList(list: FakeRoute, routes: Record<string, FakeRoute> = {}) {
  const queries: URLSearchParams[] = [];
  const page = await mountPage(QuotesPage, {
    path: '/quotes',
    routes: {
      'GET /api/v1/me': { status: 200, body: rita },
      'GET /api/v1/quotes': (request) => {
        queries.push(request.url.searchParams);
        return typeof list === 'function' ? list(request) : list;
      },
      ...routes,
    },
  });
  return { ...page, queries };
}

/** The items of the open menus, or of the one row's menu (`quote-actions-<id>`). */
function menuItems(quoteId?: string): string[] {
  const root = quoteId ? document.getElementById(`quote-actions-${quoteId}`) : document;
  return [...(root?.querySelectorAll('[role="menuitem"]') ?? [])].map((item) => item.textContent?.trim() ?? '');
}

async function chooseMenuItem(label: string): Promise<void> {
  const item = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((candidate) => candidate.textContent?.trim() === label);
  item?.querySelector<HTMLElement>('[data-pc-section="itemcontent"]')?.click();
  await flushPromises();
}

describe('quotes list', () => {
  it('has a heading, a New quote link, a labelled search field and a labelled status filter with counts', async () => {
    const { wrapper: w } = await mountList(listReply());

    expect(w.get('h1').text()).toBe('Quotes');
    expect(w.findAll('a').find((link) => link.text() === 'New quote')?.attributes('href')).toBe('/quotes/new');
    expect(w.get('label[for="quotes-search"]').text()).toBe('Search');
    const group = w.get('[role="group"]');
    expect(w.get(`#${group.attributes('aria-labelledby')}`).text()).toBe('Status');
    const chips = group.findAll('button');
    // Each chip's name starts with what it shows, the count too (WCAG 2.5.3: "Draft 0" is named "Draft, 0 quotes").
    expect(chips.map((chip) => [chip.text(), chip.attributes('aria-label')])).toEqual([
      ['All 2', 'All, 2 quotes'],
      ['Draft 1', 'Draft, 1 quote'],
      ['Pending approval 0', 'Pending approval, 0 quotes'],
      ['Changes requested 0', 'Changes requested, 0 quotes'],
      ['Approved 0', 'Approved, 0 quotes'],
      ['Published 0', 'Published, 0 quotes'],
      ['Approval not needed 1', 'Approval not needed, 1 quote'],
      ['Signed 0', 'Signed, 0 quotes'],
      ['Expired 0', 'Expired, 0 quotes'],
    ]);
    expect(chips[0]?.attributes('aria-pressed')).toBe('true');
  });

  it('says "1,000+" instead of counts when a search matches more than 1,000 quotes', async () => {
    const { wrapper: w } = await mountList(listReply({ countsByStatus: {}, countsComplete: false, nextCursor: 'c-2' }));

    const chips = w.get('[role="group"]').findAll('button');
    expect(chips[0]?.attributes('aria-label')).toBe('All, 1,000+ quotes');
    expect(chips[0]?.text()).toBe('All 1,000+');
    // No made-up zeros: the status buttons carry their names only.
    expect(chips.slice(1).map((chip) => [chip.attributes('aria-label'), chip.text()])).toEqual(
      ['Draft', 'Pending approval', 'Changes requested', 'Approved', 'Published', 'Approval not needed', 'Signed', 'Expired'].map((label) => [undefined, label]),
    );
    expect(w.text()).toContain('Showing 2 of more than 1,000');
  });

  it('says "~51,000" with the API\'s estimate when the counts of a common word are left out', async () => {
    const { wrapper: w, queries } = await mountList(listReply({ countsByStatus: {}, countsComplete: false, approximateTotal: 51000, nextCursor: 'c-2' }));

    const chips = w.get('[role="group"]').findAll('button');
    expect(chips[0]?.attributes('aria-label')).toBe('All, 51,000 quotes (estimated)');
    expect(chips[0]?.text()).toBe('All ~51,000');
    expect(chips.slice(1).every((chip) => chip.attributes('aria-label') === undefined)).toBe(true);
    expect(w.text()).toContain('Showing 2 of about 51,000');
    // The estimate is of all statuses: under a status filter the list says only what it shows.
    await chips[1]?.trigger('click');
    await flushPromises();
    expect(queries.at(-1)?.get('status')).toBe('draft');
    expect(w.text()).toContain('Showing 2');
    expect(w.text()).not.toContain('about');
  });

  it('lists number, title, company, status label, total, expiry and update time per quote', async () => {
    const { wrapper: w } = await mountList(listReply());

    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Number', 'Title', 'Company', 'Status', 'Total', 'Expires', 'Updated', 'Actions']);
    const rows = w.findAll('tbody tr').map((row) => row.findAll('td').slice(0, 6).map((cell) => cell.text()));
    expect(rows).toEqual([
      ['Q-2026-0001', 'Website redesign', 'Acme BV', 'Draft', '€2,649.99', '31 Jan 2027'],
      ['Q-2026-0002', 'Support retainer', 'Acme BV', 'Approval not needed', '€950.00', '31 Jan 2027'],
    ]);
    expect(w.get('tbody tr a').attributes('href')).toBe(`/quotes/${draft.id}`);
    expect(w.text()).toContain('Showing 2 of 2');
  });

  it('filters by status with the toggle buttons and searches by text', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { queries, wrapper: w } = await mountList(listReply());

      await w.get('[data-status="approval_not_needed"]').trigger('click');
      await flushPromises();
      expect(queries.at(-1)?.get('status')).toBe('approval_not_needed');
      expect(w.get('[data-status="approval_not_needed"]').attributes('aria-pressed')).toBe('true');

      await w.get('#quotes-search').setValue('acme');
      vi.advanceTimersByTime(300);
      await flushPromises();
      expect(queries.at(-1)?.get('q')).toBe('acme');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorts by a column header button and tells the sort order with aria-sort', async () => {
    const { queries, wrapper: w } = await mountList(listReply());
    expect(w.get('th[aria-sort]').text()).toBe('Updated');
    expect(w.get('th[aria-sort]').attributes('aria-sort')).toBe('descending');

    await w.get('button[data-sort="total"]').trigger('click');
    await flushPromises();

    expect([queries.at(-1)?.get('sort'), queries.at(-1)?.get('direction')]).toEqual(['total', 'desc']);
    expect(w.get('th[aria-sort]').text()).toBe('Total');
    await w.get('button[data-sort="total"]').trigger('click');
    await flushPromises();
    expect(w.get('th[aria-sort]').attributes('aria-sort')).toBe('ascending');
  });

  it('loads more quotes with the next cursor', async () => {
    const third = listItem({ id: 'q-3', number: 'Q-2026-0003' });
    const { queries, wrapper: w } = await mountList(({ url }) => (url.searchParams.get('cursor') === 'c-2' ? listReply({ items: [third] }) : listReply({ nextCursor: 'c-2' })));

    const more = w.findAll('button').find((button) => button.text() === 'Load more');
    await more?.trigger('click');
    await flushPromises();

    expect(queries.at(-1)?.get('cursor')).toBe('c-2');
    expect(w.findAll('tbody tr')).toHaveLength(3);
    expect(w.findAll('button').some((button) => button.text() === 'Load more')).toBe(false);
  });

  it('shows the empty state without quotes, and a clear-filters state when filters match none', async () => {
    const { wrapper: w } = await mountList(listReply({ items: [], countsByStatus: {} }));
    expect(w.text()).toContain('No quotes yet.');
    expect(w.find('table').exists()).toBe(false);

    await w.get('[data-status="signed"]').trigger('click');
    await flushPromises();
    expect(w.text()).toContain('No quotes match these filters.');
  });

  it('has an Actions menu button per row with Open and Edit for a draft', async () => {
    const { router, wrapper: w } = await mountList(listReply());
    const button = w.get(`#quote-actions-button-${draft.id}`);
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.attributes('aria-label')).toBe('Actions for Q-2026-0001');
    expect(button.attributes('aria-haspopup')).toBe('menu');
    expect(button.attributes('aria-expanded')).toBe('false');

    await button.trigger('click');
    await flushPromises();

    expect(document.querySelector('[role="menu"]')?.getAttribute('aria-labelledby')).toBe(`quote-actions-button-${draft.id}`);
    expect(menuItems()).toEqual(['Open', 'Edit']);
    expect(button.attributes('aria-expanded')).toBe('true');
    await chooseMenuItem('Edit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/quotes/${draft.id}/edit`), PAGE_LOAD);
  });

  it('offers Copy link for a live quote, copies the absolute buyer URL and says "Link copied"', async () => {
    const { api, wrapper: w } = await mountList(listReply(), {
      [`GET /api/v1/quotes/${live.id}`]: { status: 200, body: quote({ id: live.id, status: 'approval_not_needed', sharePath: '/q/slug-1' }) },
    });

    await w.get(`#quote-actions-button-${live.id}`).trigger('click');
    await flushPromises();

    expect(api.calls.some((call) => call.path === `/api/v1/quotes/${live.id}`)).toBe(true);
    expect(menuItems()).toEqual(['Open', 'Copy link']);
    await chooseMenuItem('Copy link');
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/q/slug-1`);
    expect(w.get('.copy-status').attributes('role')).toBe('status');
    expect(w.get('.copy-status').text()).toBe('Link copied');
  });

  it('offers Copy approval link for a quote pending approval, copies the absolute approval page URL and says so', async () => {
    const pending = listItem({ id: '0190a000-0000-7000-8000-000000000003', number: 'Q-2026-0003', title: 'Globex support', status: 'pending_approval', version: 2 });
    const { api, wrapper: w } = await mountList(listReply({ items: [pending], countsByStatus: { pending_approval: 1 } }));

    await w.get(`#quote-actions-button-${pending.id}`).trigger('click');
    await flushPromises();

    // The approval link is the quote's id: nothing to look up.
    expect(api.calls.some((call) => call.path === `/api/v1/quotes/${pending.id}`)).toBe(false);
    expect(menuItems()).toEqual(['Open', 'Copy approval link', 'Withdraw']);
    await chooseMenuItem('Copy approval link');
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/quotes/${pending.id}/approval`);
    expect(w.get('.copy-status').attributes('role')).toBe('status');
    expect(w.get('.copy-status').text()).toBe('Approval link copied');
  });

  it('withdraws its owner’s quote pending approval back to Draft from the Actions menu and says so', async () => {
    const pending = listItem({ id: '0190a000-0000-7000-8000-000000000003', number: 'Q-2026-0003', status: 'pending_approval', version: 2 });
    let withdrawn = false;
    const { api, wrapper: w } = await mountList(() => listReply({ items: [withdrawn ? { ...pending, status: 'draft', version: 3 } : pending], countsByStatus: withdrawn ? { draft: 1 } : { pending_approval: 1 } }), {
      [`POST /api/v1/quotes/${pending.id}/withdraw`]: () => {
        withdrawn = true;
        return { status: 200, body: quote({ id: pending.id, status: 'draft', version: 3 }) };
      },
    });

    await w.get(`#quote-actions-button-${pending.id}`).trigger('click');
    await flushPromises();
    await chooseMenuItem('Withdraw');

    expect(api.calls.find((call) => call.path === `/api/v1/quotes/${pending.id}/withdraw`)?.body).toEqual({ version: 2 });
    expect(w.get('.copy-status').text()).toBe('Quote Q-2026-0003 was withdrawn: it is a draft again.');
    expect(w.get(`tr[data-quote-id="${pending.id}"]`).text()).toContain('Draft');
  });

  it('offers no Withdraw for a quote pending approval that someone else owns (a manager looking)', async () => {
    const pending = listItem({ id: '0190a000-0000-7000-8000-000000000003', number: 'Q-2026-0003', status: 'pending_approval', version: 2 });
    const { wrapper: w } = await mountList(listReply({ items: [pending], countsByStatus: { pending_approval: 1 } }), {
      'GET /api/v1/me': { status: 200, body: { id: '0190a000-0000-7000-8000-00000000a002', email: 'manager@example.com', name: 'Max Manager', role: 'manager' } },
    });
    await w.get(`#quote-actions-button-${pending.id}`).trigger('click');
    await flushPromises();
    expect(menuItems(pending.id)).toEqual(['Open', 'Copy approval link']);
  });

  it('offers Edit and Copy approval link when changes were requested, and neither for a live quote', async () => {
    const changes = listItem({ id: '0190a000-0000-7000-8000-000000000004', number: 'Q-2026-0004', status: 'changes_requested', version: 3 });
    const { wrapper: w } = await mountList(listReply({ items: [changes, live], countsByStatus: { changes_requested: 1, approval_not_needed: 1 } }), {
      [`GET /api/v1/quotes/${live.id}`]: { status: 200, body: quote({ id: live.id, status: 'approval_not_needed', sharePath: '/q/slug-1' }) },
    });

    await w.get(`#quote-actions-button-${changes.id}`).trigger('click');
    await flushPromises();
    expect(menuItems(changes.id)).toEqual(['Open', 'Edit', 'Copy approval link']);
    await chooseMenuItem('Copy approval link');
    expect(writeText).toHaveBeenLastCalledWith(`${window.location.origin}/quotes/${changes.id}/approval`);

    await w.get(`#quote-actions-button-${live.id}`).trigger('click');
    await flushPromises();
    expect(menuItems(live.id)).toEqual(['Open', 'Copy link']);
  });

  it('says where to copy the approval link from when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const pending = listItem({ id: '0190a000-0000-7000-8000-000000000003', number: 'Q-2026-0003', status: 'pending_approval' });
    const { wrapper: w } = await mountList(listReply({ items: [pending], countsByStatus: { pending_approval: 1 } }));

    await w.get(`#quote-actions-button-${pending.id}`).trigger('click');
    await flushPromises();
    await chooseMenuItem('Copy approval link');

    expect(w.get('.copy-status').text()).toBe(`The link could not be copied. Copy it from here: ${window.location.origin}/quotes/${pending.id}/approval`);
  });

  it('reloads on quote events and after a reconnect', async () => {
    const { queries } = await mountList(listReply());
    const liveStore = useLiveEventsStore();
    liveStore.connect({ EventSource: FakeEventSource });
    const source = FakeEventSource.latest;
    source?.open();
    const before = queries.length;

    source?.emit('quotes.quote.signed.v1', liveEvent('quotes.quote.signed.v1', { aggregateId: live.id }));
    await vi.waitFor(() => expect(queries.length).toBe(before + 1));

    source?.fail({ willRetry: true });
    source?.open();
    await vi.waitFor(() => expect(queries.length).toBe(before + 2));
    liveStore.disconnect();
  });
});
