import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createApiClient } from '@qa/shared-api-client';
import { setApiClient } from '../../api/client';
import { BASE_URL, apiError, installFakeApi, type FakeReply } from '../../testing/fake-api';
import { listItem } from '../../testing/quotes';
import { useQuotesStore } from './quotes.store';

type Page = { items: ReturnType<typeof listItem>[]; nextCursor: string | null; countsByStatus: Record<string, number> };

const page = (overrides: Partial<Page> = {}): FakeReply => ({
  status: 200,
  body: { items: [listItem()], nextCursor: null, countsByStatus: { draft: 1 }, ...overrides },
});

/** A fake API that answers the list from `reply` and keeps every query string asked for. */
function listApi(reply: (url: URL) => FakeReply) {
  const queries: URLSearchParams[] = [];
  installFakeApi({
    'GET /api/v1/quotes': ({ url }) => {
      queries.push(url.searchParams);
      return reply(url);
    },
  });
  return queries;
}

describe('useQuotesStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads the first page newest first, 25 at a time, with the counts per status', async () => {
    const queries = listApi(() => page({ countsByStatus: { draft: 2, signed: 3 }, nextCursor: 'c-2' }));
    const quotes = useQuotesStore();

    await quotes.load();

    expect(Object.fromEntries(queries[0] ?? [])).toEqual({ sort: 'updatedAt', direction: 'desc', limit: '25' });
    expect(quotes.items.map((item) => item.number)).toEqual(['Q-2026-0001']);
    expect(quotes.nextCursor).toBe('c-2');
    expect(quotes.totalCount).toBe(5);
    expect(quotes.loaded).toBe(true);
    expect(quotes.failed).toBe(false);
  });

  it('sends the status filter comma-separated and the search text as q', async () => {
    const queries = listApi(() => page({ countsByStatus: { draft: 2, signed: 3, expired: 4 } }));
    const quotes = useQuotesStore();

    await quotes.toggleStatus('draft');
    await quotes.toggleStatus('signed');
    await quotes.setSearch('  acme ');

    expect(queries.at(-1)?.get('status')).toBe('draft,signed');
    expect(queries.at(-1)?.get('q')).toBe('acme');
    expect(quotes.matchingCount).toBe(5);
    expect(quotes.filtered).toBe(true);

    await quotes.toggleStatus('draft');
    expect(queries.at(-1)?.get('status')).toBe('signed');
    await quotes.clearFilters();
    expect(queries.at(-1)?.has('status')).toBe(false);
    expect(queries.at(-1)?.has('q')).toBe(false);
  });

  it('sorts by a column, flips the direction when the same column is chosen again', async () => {
    const queries = listApi(() => page());
    const quotes = useQuotesStore();

    await quotes.sortBy('total');
    expect([queries.at(-1)?.get('sort'), queries.at(-1)?.get('direction')]).toEqual(['total', 'desc']);
    await quotes.sortBy('total');
    expect([queries.at(-1)?.get('sort'), queries.at(-1)?.get('direction')]).toEqual(['total', 'asc']);
    await quotes.sortBy('expiresOn');
    expect([queries.at(-1)?.get('sort'), queries.at(-1)?.get('direction')]).toEqual(['expiresOn', 'asc']);
  });

  it('loads more with the nextCursor and appends the page', async () => {
    const queries = listApi((url) =>
      url.searchParams.get('cursor') === 'c-2'
        ? page({ items: [listItem({ id: 'q-2', number: 'Q-2026-0002' })], nextCursor: null })
        : page({ nextCursor: 'c-2' }),
    );
    const quotes = useQuotesStore();
    await quotes.load();

    await quotes.loadMore();

    expect(queries.at(-1)?.get('cursor')).toBe('c-2');
    expect(quotes.items.map((item) => item.number)).toEqual(['Q-2026-0001', 'Q-2026-0002']);
    expect(quotes.nextCursor).toBeNull();
    await quotes.loadMore();
    expect(queries).toHaveLength(2);
  });

  it('reloads as many rows as are shown for a live refresh', async () => {
    const items = Array.from({ length: 30 }, (_, i) => listItem({ id: `q-${i}`, number: `Q-2026-${String(i).padStart(4, '0')}` }));
    const queries = listApi((url) => (url.searchParams.get('cursor') ? page({ items: items.slice(25), nextCursor: null }) : page({ items: items.slice(0, 25), nextCursor: 'c-2' })));
    const quotes = useQuotesStore();
    await quotes.load();
    await quotes.loadMore();

    await quotes.load({ keepShown: true });

    expect(queries.at(-1)?.get('limit')).toBe('30');
    expect(queries.at(-1)?.has('cursor')).toBe(false);
  });

  it('drops an answer that arrives after a newer request started', async () => {
    // A fetch whose answers the test releases by hand, so the older one can arrive last.
    const pending: Array<{ q: string; answer: () => void }> = [];
    const fetchImpl = (input: RequestInfo | URL) =>
      new Promise<Response>((resolve) => {
        const q = new URL(input instanceof Request ? input.url : String(input)).searchParams.get('q') ?? '';
        const body = { items: [listItem({ title: q })], nextCursor: null, countsByStatus: { draft: 1 } };
        pending.push({ q, answer: () => resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })) });
      });
    setApiClient(createApiClient(BASE_URL, fetchImpl as typeof fetch));
    const quotes = useQuotesStore();

    const first = quotes.setSearch('first');
    const second = quotes.setSearch('second');
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending.find((request) => request.q === 'second')?.answer();
    await second;
    pending.find((request) => request.q === 'first')?.answer();
    await first;

    expect(quotes.items.map((item) => item.title)).toEqual(['second']);
    expect(quotes.loading).toBe(false);
  });

  it('starts from an empty list with default filters for another user', async () => {
    listApi(() => page());
    const quotes = useQuotesStore();
    quotes.useFor('u-rita');
    await quotes.toggleStatus('draft');
    quotes.useFor('u-rita');
    expect(quotes.items).toHaveLength(1);

    quotes.useFor('u-remy');

    expect(quotes.items).toEqual([]);
    expect(quotes.statuses).toEqual([]);
    expect(quotes.loaded).toBe(false);
  });

  it('reports a failed load and keeps what it showed', async () => {
    let fail = false;
    listApi(() => (fail ? apiError(500, 'INTERNAL') : page()));
    const quotes = useQuotesStore();
    await quotes.load();
    fail = true;

    await quotes.load({ keepShown: true });

    expect(quotes.failed).toBe(true);
    expect(quotes.items).toHaveLength(1);
  });
});
