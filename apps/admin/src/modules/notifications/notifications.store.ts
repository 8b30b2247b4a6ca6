// My notifications (the bell in the top bar): the latest ones and the unread count, marking one or
// all as read. Reloaded on every notification event for me and after the live stream reconnects.
import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import { takeListAnswer } from '../../api/list-answer';

export type AppNotification = ApiSchemas['NotificationResponse'];
export const NOTIFICATION_CREATED = 'notifications.notification.created.v1';

export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<AppNotification[]>([]);
  const unread = ref(0);
  const loaded = ref(false);
  const failed = ref(false);
  const loads = latestRequest();

  async function load(): Promise<void> {
    const isCurrent = loads.start();
    const result = await apiResult(useApi().GET('/api/v1/notifications'));
    if (!isCurrent()) return;
    const list = takeListAnswer(result, { failed, loaded });
    if (!list) return;
    items.value = list.items;
    unread.value = list.unread;
  }

  /** Marks one as read at once (the bell updates before the API answers) and keeps the API's answer. */
  async function markRead(id: string): Promise<boolean> {
    const target = items.value.find((item) => item.id === id);
    if (!target || target.readAt) return true;
    // A load already under way must not bring back the old unread state.
    loads.invalidate();
    const now = new Date().toISOString();
    items.value = items.value.map((item) => (item.id === id ? { ...item, readAt: now } : item));
    unread.value = Math.max(0, unread.value - 1);
    const result = await apiResult(useApi().POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    if (result.ok) {
      items.value = items.value.map((item) => (item.id === id ? result.data : item));
      return true;
    }
    await load();
    return false;
  }

  async function markAllRead(): Promise<boolean> {
    loads.invalidate();
    const result = await apiResult(useApi().POST('/api/v1/notifications/read-all'));
    if (!result.ok) return false;
    const now = new Date().toISOString();
    items.value = items.value.map((item) => (item.readAt ? item : { ...item, readAt: now }));
    unread.value = 0;
    return true;
  }

  return { items, unread, loaded, failed, load, markRead, markAllRead };
});
