// The quotes list (Sales → Quotes): filters, sorting, keyset paging and counts per status.
// Answers that arrive after a newer request started are dropped, so typing in the search field
// never shows the result of an older query.
import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { latestRequest } from '../../api/latest-request';
import { takeListAnswer } from '../../api/list-answer';
import { listQuotes, type QuoteListItem, type QuoteListQuery } from './quote-api';
import type { QuoteStatus } from './quote-status';

export type QuoteSort = QuoteListQuery['sort'];
export type SortDirection = QuoteListQuery['direction'];

export const PAGE_SIZE = 25;
/** Above this many matches of a search the API leaves the counts out (countsComplete false). */
export const COUNT_CAP = 1_000;
const MAX_PAGE_SIZE = 100;

/** The direction a column starts in when it is chosen: newest and largest first. */
const FIRST_DIRECTION: Record<QuoteSort, SortDirection> = { updatedAt: 'desc', number: 'desc', total: 'desc', expiresOn: 'asc' };

export const useQuotesStore = defineStore('quotes', () => {
  const items = ref<QuoteListItem[]>([]);
  const nextCursor = ref<string | null>(null);
  const countsByStatus = ref<Record<string, number>>({});
  /** False when the search matches more than COUNT_CAP quotes: no counts, the list says "1,000+". */
  const countsComplete = ref(true);
  /** With the counts left out for a common word: the API's estimate of the matches (all statuses). */
  const approximateTotal = ref<number | null>(null);
  const statuses = ref<QuoteStatus[]>([]);
  const search = ref('');
  const sort = ref<QuoteSort>('updatedAt');
  const direction = ref<SortDirection>('desc');
  const loading = ref(false);
  const loadingMore = ref(false);
  const failed = ref(false);
  /** True once a first page has arrived. */
  const loaded = ref(false);
  const loads = latestRequest();
  /** Whose list this is: another user (after a logout and login) starts from an empty list. */
  let viewer: string | null = null;

  /** Quotes under the search (all statuses): the sum of the counts. */
  const totalCount = computed(() => Object.values(countsByStatus.value).reduce((sum, count) => sum + count, 0));
  /** Quotes under the search and the status filter. */
  const matchingCount = computed(() =>
    statuses.value.length === 0 ? totalCount.value : statuses.value.reduce((sum, status) => sum + (countsByStatus.value[status] ?? 0), 0),
  );
  const filtered = computed(() => statuses.value.length > 0 || search.value.trim() !== '');

  function fetchPage(limit: number, cursor?: string) {
    return listQuotes({ statuses: statuses.value, search: search.value.trim(), sort: sort.value, direction: direction.value, limit, cursor });
  }

  /**
   * (Re)loads the first page. `keepShown` reloads as many rows as are shown now (up to 100), for
   * live refreshes that should not collapse a list the user paged through.
   */
  async function load(options: { keepShown?: boolean } = {}): Promise<void> {
    const isCurrent = loads.start();
    const limit = options.keepShown ? Math.min(Math.max(items.value.length, PAGE_SIZE), MAX_PAGE_SIZE) : PAGE_SIZE;
    loading.value = true;
    const result = await fetchPage(limit);
    if (!isCurrent()) return;
    loading.value = false;
    loadingMore.value = false;
    const page = takeListAnswer(result, { failed, loaded });
    if (!page) return;
    items.value = page.items;
    nextCursor.value = page.nextCursor;
    countsByStatus.value = page.countsByStatus;
    countsComplete.value = page.countsComplete !== false;
    approximateTotal.value = page.approximateTotal ?? null;
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value;
    if (!cursor || loadingMore.value) return;
    const isCurrent = loads.start();
    loadingMore.value = true;
    const result = await fetchPage(PAGE_SIZE, cursor);
    if (!isCurrent()) return;
    loadingMore.value = false;
    if (!result.ok) {
      failed.value = true;
      return;
    }
    failed.value = false;
    const known = new Set(items.value.map((item) => item.id));
    items.value = [...items.value, ...result.data.items.filter((item) => !known.has(item.id))];
    nextCursor.value = result.data.nextCursor;
    countsByStatus.value = result.data.countsByStatus;
    countsComplete.value = result.data.countsComplete !== false;
    approximateTotal.value = result.data.approximateTotal ?? null;
  }

  /** Forgets the list, filters included, when someone else looks at it than last time. */
  function useFor(userId: string | null): void {
    if (userId === viewer) return;
    viewer = userId;
    loads.invalidate();
    items.value = [];
    nextCursor.value = null;
    countsByStatus.value = {};
    countsComplete.value = true;
    approximateTotal.value = null;
    statuses.value = [];
    search.value = '';
    sort.value = 'updatedAt';
    direction.value = 'desc';
    loading.value = false;
    loadingMore.value = false;
    failed.value = false;
    loaded.value = false;
  }

  function setStatuses(next: readonly QuoteStatus[]): Promise<void> {
    statuses.value = [...next];
    return load();
  }

  function toggleStatus(status: QuoteStatus): Promise<void> {
    return setStatuses(statuses.value.includes(status) ? statuses.value.filter((s) => s !== status) : [...statuses.value, status]);
  }

  function setSearch(text: string): Promise<void> {
    search.value = text;
    return load();
  }

  /** Sorts by a column; choosing the current column again flips the direction. */
  function sortBy(column: QuoteSort): Promise<void> {
    if (sort.value === column) {
      direction.value = direction.value === 'asc' ? 'desc' : 'asc';
    } else {
      sort.value = column;
      direction.value = FIRST_DIRECTION[column];
    }
    return load();
  }

  function clearFilters(): Promise<void> {
    statuses.value = [];
    search.value = '';
    return load();
  }

  return {
    items,
    nextCursor,
    countsByStatus,
    countsComplete,
    approximateTotal,
    statuses,
    search,
    sort,
    direction,
    loading,
    loadingMore,
    failed,
    loaded,
    totalCount,
    matchingCount,
    filtered,
    useFor,
    load,
    loadMore,
    setStatuses,
    toggleStatus,
    setSearch,
    sortBy,
    clearFilters,
  };
});
