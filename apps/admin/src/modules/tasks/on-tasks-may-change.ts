// When my tasks may have changed, for the badge and the Tasks page.
//
// Task events (tasks.task.created.v1, tasks.task.completed.v1) are the signal; the relay announces
// every event on the live stream. Live updates are best effort (a dropped connection misses some),
// so the badge also refreshes after a notification and shortly after a quote event (workflows
// react to those within seconds), and on a slow poll as a last resort.
import { onScopeDispose } from 'vue';
import { useLiveEventsStore } from '../../live/live-events.store';
import { NOTIFICATION_CREATED } from '../notifications/notifications.store';
import { useSessionStore } from '../session/session.store';
import { TASK_EVENTS } from './tasks.store';

export const AFTER_QUOTE_EVENT_MS: readonly number[] = [1_500, 5_000];
export const POLL_MS = 30_000;

export function onTasksMayChange(refresh: () => void, options: { onlyMine?: boolean } = {}): void {
  const live = useLiveEventsStore();
  const session = useSessionStore();
  let timers: ReturnType<typeof setTimeout>[] = [];

  /** Refreshes a little after the last of a burst of quote events (each new one starts the wait again). */
  function afterQuoteEvent(): void {
    for (const timer of timers) clearTimeout(timer);
    timers = AFTER_QUOTE_EVENT_MS.map((ms) => setTimeout(refresh, ms));
  }

  const offs = [
    live.on(TASK_EVENTS, (event) => {
      const assigneeId = event.payload['assigneeId'];
      if (!options.onlyMine || typeof assigneeId !== 'string' || assigneeId === session.me?.id) refresh();
    }),
    live.on(NOTIFICATION_CREATED, () => refresh()),
    live.on('quotes.', afterQuoteEvent),
    live.on('live.', () => refresh()),
  ];
  const poll = setInterval(refresh, POLL_MS);

  onScopeDispose(() => {
    for (const off of offs) off();
    for (const timer of timers) clearTimeout(timer);
    clearInterval(poll);
  });
}
