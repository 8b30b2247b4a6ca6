// The audit log (Settings → Audit log, admins): newest first, a page at a time, filtered by what
// changed. An answer that arrives after a newer request started is dropped.
import { ref } from 'vue';
import { defineStore } from 'pinia';
import { latestRequest } from '../../api/latest-request';
import { usePeopleStore } from '../people/people.store';
import { listAuditEntries, type AuditEntry } from './audit-api';

export const AUDIT_SUBJECT_TYPES = ['approval-settings', 'quote', 'approval-request', 'workflow', 'user', 'api-token'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

const PAGE = 50;

export const useAuditLogStore = defineStore('audit-log', () => {
  const items = ref<AuditEntry[]>([]);
  const subjectType = ref<AuditSubjectType | ''>('');
  const nextBefore = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  /** The status of the last failed request (403: not an admin; 0: the API was not reached). */
  const failure = ref<number | null>(null);
  const pages = latestRequest();

  async function fetchPage(before: string | null): Promise<void> {
    const isCurrent = pages.start();
    loading.value = true;
    const result = await listAuditEntries({ limit: PAGE, ...(subjectType.value ? { subjectType: subjectType.value } : {}), ...(before ? { before } : {}) });
    if (!isCurrent()) return;
    loading.value = false;
    if (!result.ok) {
      failure.value = result.status;
      return;
    }
    failure.value = null;
    items.value = before ? [...items.value, ...result.data.items] : result.data.items;
    nextBefore.value = result.data.nextBefore;
    loaded.value = true;
    await usePeopleStore().ensure(result.data.items.map((entry) => entry.actor.id));
  }

  const load = () => fetchPage(null);
  const loadOlder = () => (nextBefore.value ? fetchPage(nextBefore.value) : Promise.resolve());

  return { items, subjectType, nextBefore, loading, loaded, failure, load, loadOlder };
});
