// Live updates: the integration events the API pushes over server-sent events
// (GET /api/v1/events/stream, same origin, session cookie), handed to whoever subscribed with `on()`.
// Pages use it to refresh lists and badges without a reload. Best effort by design: after a
// reconnect subscribers of `live.` get a `live.reconnected` notification and reload what they show.
//
// Naming (why `on()` takes exact names or prefixes ending in "."):
// the API sends every message as a *named* event (`event: quotes.quote.submitted.v1`). An
// EventSource never passes named events to `onmessage` and has no wildcard listener, so the store
// must call `addEventListener(name)` for every name it wants. It keeps one registry of names and
// registers all of them on each connection:
//   - `LIVE_EVENT_NAMES` (./live-event-names.ts), the names the app knows about, and
//   - every exact name passed to `on()`, registered lazily on the first subscription.
// Subscriptions match on the event name: a filter ending in "." is a prefix (`quotes.` matches
// `quotes.quote.submitted.v1`), anything else is an exact name, and an array is a list of exact
// names. A prefix therefore only sees names in the registry: put new names in LIVE_EVENT_NAMES.
// Names under `live.` are the store's own notifications and never come from the server.
import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { LIVE_EVENT_NAMES } from './live-event-names';

export const LIVE_EVENTS_URL = '/api/v1/events/stream';

/** `EventSource.CLOSED`, spelled out because the global may be missing (tests, old browsers). */
const READY_STATE_CLOSED = 2;
/** When the browser gives up (a non-200 answer, e.g. a 502 during a deploy), try again ourselves. */
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** The envelope of an integration event as sent over the stream (`IntegrationEvent` in the kernel). */
export interface LiveIntegrationEvent {
  id: string;
  name: string;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  actor: { type: 'user' | 'system' | 'workflow'; id: string | null };
  correlationId: string;
  payload: Record<string, unknown>;
}

/** Made by the store itself, not sent by the server. */
export interface LiveNotification {
  name: 'live.reconnected';
}

export type LiveEvent = LiveIntegrationEvent | LiveNotification;
export type LiveNotificationFilter = 'live.' | LiveNotification['name'];

/** The part of `EventSource` the store uses (so tests can pass a small fake). */
export interface LiveEventSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}
export type LiveEventSourceConstructor = new (url: string) => LiveEventSource;

export interface LiveConnectOptions {
  /** Defaults to `globalThis.EventSource`. */
  EventSource?: LiveEventSourceConstructor;
}

interface Subscription {
  /** Gets the store's `live.` notifications rather than server events. */
  notifications: boolean;
  matches: (name: string) => boolean;
  handler: (event: LiveEvent) => void;
}

const NOTIFICATION_PREFIX = 'live.';

function matcher(filter: string | readonly string[]): (name: string) => boolean {
  if (typeof filter !== 'string') {
    if (filter.length === 0 || filter.some((name) => !name || name.endsWith('.'))) {
      throw new Error('on([...]) takes a non-empty list of exact event names');
    }
    return (name) => filter.includes(name);
  }
  if (!filter || filter === '.') throw new Error('on() takes an event name or a prefix ending in "."');
  return filter.endsWith('.') ? (name) => name.startsWith(filter) : (name) => name === filter;
}

/** The exact server event names a filter asks for (prefixes rely on the registry). */
function exactNames(filter: string | readonly string[]): string[] {
  const names = typeof filter === 'string' ? (filter.endsWith('.') ? [] : [filter]) : [...filter];
  return names.filter((name) => !name.startsWith(NOTIFICATION_PREFIX) && name !== 'ping');
}

function parseEnvelope(data: unknown): LiveIntegrationEvent | null {
  if (typeof data !== 'string' || !data) return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { name } = value as { name?: unknown };
    if (typeof name !== 'string' || !name || name.startsWith(NOTIFICATION_PREFIX)) return null;
    return value as LiveIntegrationEvent;
  } catch {
    return null;
  }
}

function defaultEventSource(): LiveEventSourceConstructor | undefined {
  return (globalThis as { EventSource?: LiveEventSourceConstructor }).EventSource;
}

export const useLiveEventsStore = defineStore('live-events', () => {
  const status = ref<LiveStatus>('closed');
  const lastEvent = shallowRef<LiveIntegrationEvent | null>(null);
  /** An error since the last `open`: the next `open` is a reconnect. */
  const interrupted = ref(false);
  /** Live updates are wanted but not flowing: shown in the top bar. Not while first connecting. */
  const paused = computed(() => status.value === 'closed' || (status.value === 'connecting' && interrupted.value));

  const subscriptions = new Set<Subscription>();
  const registry = new Set<string>(LIVE_EVENT_NAMES);
  let SourceClass: LiveEventSourceConstructor | undefined;
  let source: LiveEventSource | null = null;
  /** Names with a listener on the current `source`. */
  let listening = new Set<string>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_MIN_MS;

  function deliver(event: LiveEvent, notification: boolean): void {
    for (const subscription of [...subscriptions]) {
      if (subscription.notifications !== notification || !subscription.matches(event.name)) continue;
      try {
        subscription.handler(event);
      } catch (error) {
        // One failing handler must not keep the event from the others.
        console.error(`live event handler for ${event.name} failed`, error);
      }
    }
  }

  function receive(message: Event): void {
    if (message.type === 'ping') return;
    const event = parseEnvelope((message as MessageEvent).data);
    if (!event) return;
    lastEvent.value = event;
    deliver(event, false);
  }

  function listen(name: string): void {
    if (!source || listening.has(name)) return;
    listening.add(name);
    source.addEventListener(name, receive);
  }

  function clearRetry(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function openSource(): void {
    if (!SourceClass) {
      status.value = 'closed';
      return;
    }
    const current = new SourceClass(LIVE_EVENTS_URL);
    source = current;
    listening = new Set();
    status.value = 'connecting';
    current.addEventListener('open', () => {
      if (source !== current) return;
      status.value = 'open';
      retryDelay = RETRY_MIN_MS;
      if (interrupted.value) {
        interrupted.value = false;
        deliver({ name: 'live.reconnected' }, true);
      }
    });
    current.addEventListener('error', () => {
      if (source !== current) return;
      interrupted.value = true;
      if (current.readyState !== READY_STATE_CLOSED) {
        // The browser reconnects by itself.
        status.value = 'connecting';
        return;
      }
      current.close();
      source = null;
      status.value = 'closed';
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        openSource();
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    });
    // Unnamed messages (none today) carry their name in the envelope.
    current.addEventListener('message', receive);
    for (const name of registry) listen(name);
  }

  /** Opens the stream (no-op while one is open or retrying). */
  function connect(options: LiveConnectOptions = {}): void {
    SourceClass = options.EventSource ?? defaultEventSource();
    if (source || retryTimer !== undefined) return;
    openSource();
  }

  /** Closes the stream and stops retrying. Subscriptions stay for the next `connect()`. */
  function disconnect(): void {
    clearRetry();
    source?.close();
    source = null;
    listening = new Set();
    status.value = 'closed';
    interrupted.value = false;
    retryDelay = RETRY_MIN_MS;
  }

  /**
   * Calls `handler` for every event whose name matches `filter`: an exact name, a prefix ending in
   * "." (only names in the registry reach it, see the top of this file) or a list of exact names.
   * `on('live.', …)` gets the store's own notifications (`live.reconnected`). Returns the unsubscribe.
   */
  function on(filter: LiveNotificationFilter, handler: (event: LiveNotification) => void): () => void;
  function on(filter: string | readonly string[], handler: (event: LiveIntegrationEvent) => void): () => void;
  function on(filter: string | readonly string[], handler: (event: never) => void): () => void {
    const subscription: Subscription = {
      notifications: typeof filter === 'string' && filter.startsWith(NOTIFICATION_PREFIX),
      matches: matcher(filter),
      handler: handler as (event: LiveEvent) => void,
    };
    subscriptions.add(subscription);
    for (const name of exactNames(filter)) {
      registry.add(name);
      listen(name);
    }
    return () => {
      subscriptions.delete(subscription);
    };
  }

  return { status, lastEvent, paused, connect, disconnect, on };
});
