// Names of people by user id (task assignees and creators), from GET /api/v1/users/names, which
// every signed-in user may call. Asked once per id and kept for the session. Admins may also list
// every active user (the assignees they can pick).
import { reactive } from 'vue';
import { defineStore } from 'pinia';
import { useApi } from '../../api/client';
import { apiResult } from '../../api/api-result';

/** The API takes at most 100 ids per request. */
const BATCH = 100;

export const usePeopleStore = defineStore('people', () => {
  const names = reactive(new Map<string, string>());
  const asked = new Set<string>();

  /** Loads the names of the ids not known yet (unknown ids simply stay without a name). */
  async function ensure(ids: readonly (string | null | undefined)[]): Promise<void> {
    const missing = [...new Set(ids.filter((id): id is string => !!id && !asked.has(id)))];
    if (missing.length === 0) return;
    for (const id of missing) asked.add(id);
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const result = await apiResult(
        useApi().GET('/api/v1/users/names', {
          params: { query: { ids: batch } },
          querySerializer: { array: { style: 'form', explode: false } },
        }),
      );
      if (!result.ok) {
        // Try again next time.
        for (const id of batch) asked.delete(id);
        continue;
      }
      for (const person of result.data.items) names.set(person.id, person.name);
    }
  }

  function nameOf(id: string | null | undefined): string | undefined {
    return id ? names.get(id) : undefined;
  }

  /** Names learnt elsewhere (e.g. the full user list admins load). */
  function remember(people: readonly { id: string; name: string }[]): void {
    for (const person of people) {
      names.set(person.id, person.name);
      asked.add(person.id);
    }
  }

  /** Every active user (admins only may list them), their names remembered; none when refused. */
  async function activeUsers(): Promise<Array<{ id: string; name: string }>> {
    const result = await apiResult(useApi().GET('/api/v1/users'));
    if (!result.ok) return [];
    const active = result.data.items.filter((user) => user.active).map(({ id, name }) => ({ id, name }));
    remember(active);
    return active;
  }

  return { names, ensure, nameOf, remember, activeUsers };
});
