// When my tasks may have changed, for the badge and the Tasks page.
//
// Task events (tasks.task.created.v1, tasks.task.completed.v1) are the real signal. But today the
// outbox relay announces on the live stream only events that some worker subscriber consumes, and
// no subscriber consumes task events, so they never reach the browser (see the report of this
// change). Until that is fixed, refresh also when a workflow has probably just run: after a
// notification (workflows notify right after creating tasks) and shortly after a quote event
// (workflows react to those within seconds), and on a slow poll as a last resort.
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
