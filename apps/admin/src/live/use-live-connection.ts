// Ties the live-events stream to the session: connected while someone is signed in, closed on
// logout (and reopened for the new user if the user changes). Called once, from App.vue's setup,
// so the watch lives as long as the app and stops with it.
import { onScopeDispose, watch } from 'vue';
import { useSessionStore } from '../modules/session/session.store';
import { useLiveEventsStore, type LiveConnectOptions } from './live-events.store';

export function useLiveConnection(options: LiveConnectOptions = {}): void {
  const session = useSessionStore();
  const live = useLiveEventsStore();

  watch(
    () => session.me?.id ?? null,
    (userId, previousId) => {
      if (previousId && userId !== previousId) live.disconnect();
      if (userId) live.connect(options);
    },
    { immediate: true },
  );
  onScopeDispose(() => live.disconnect());
}
