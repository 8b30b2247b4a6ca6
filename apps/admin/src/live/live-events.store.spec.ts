import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, nextTick } from 'vue';
import { FakeEventSource, liveEvent } from '../testing/fake-event-source';
import { ada, installFakeApi } from '../testing/fake-api';
import { useSessionStore } from '../modules/session/session.store';
import { LIVE_EVENT_NAMES } from './live-event-names';
import { LIVE_EVENTS_URL, useLiveEventsStore, type LiveIntegrationEvent, type LiveNotification } from './live-events.store';
import { useLiveConnection } from './use-live-connection';

const SUBMITTED = 'quotes.quote.submitted.v1';
const APPROVED = 'approvals.request.approved.v1';

function connectedStore() {
  const live = useLiveEventsStore();
  live.connect({ EventSource: FakeEventSource });
  const source = FakeEventSource.latest;
  if (!source) throw new Error('connect() did not create an EventSource');
  return { live, source };
}

describe('useLiveEventsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    FakeEventSource.reset();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one EventSource on GET /api/v1/events/stream and moves from connecting to open', () => {
    const live = useLiveEventsStore();
    expect(live.status).toBe('closed');

    live.connect({ EventSource: FakeEventSource });
    live.connect({ EventSource: FakeEventSource });

    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.latest?.url).toBe(LIVE_EVENTS_URL);
    expect(live.status).toBe('connecting');
    expect(live.paused).toBe(false);

    FakeEventSource.latest?.open();

    expect(live.status).toBe('open');
    expect(live.paused).toBe(false);
  });

  it('hands a named event to the handlers of its exact name only and keeps it as lastEvent', () => {
    const { live, source } = connectedStore();
    source.open();
    const submitted: LiveIntegrationEvent[] = [];
    const approved: LiveIntegrationEvent[] = [];
    live.on(SUBMITTED, (event) => submitted.push(event));
    live.on(APPROVED, (event) => approved.push(event));

    const event = liveEvent(SUBMITTED, { aggregateId: 'q-1', payload: { ownerId: 'u-rita' } });
    source.emit(SUBMITTED, event);

    expect(submitted).toEqual([event]);
    expect(approved).toEqual([]);
    expect(live.lastEvent).toEqual(event);
  });

  it('registers a listener per exact name on the EventSource, also for names subscribed before connecting', () => {
    const live = useLiveEventsStore();
    const early = vi.fn();
    live.on(APPROVED, early);

    const { source } = connectedStore();
    const late = vi.fn();
    live.on('tasks.task.created.v1', late);

    expect(source.listenedNames).toEqual(expect.arrayContaining([...LIVE_EVENT_NAMES, APPROVED, 'tasks.task.created.v1']));
    source.open();
    source.emit(APPROVED, liveEvent(APPROVED));
    source.emit('tasks.task.created.v1', liveEvent('tasks.task.created.v1'));
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('matches a filter ending in "." as a prefix, and a list of names exactly', () => {
    const { live, source } = connectedStore();
    source.open();
    const quotes = vi.fn();
    const listed = vi.fn();
    live.on('quotes.', quotes);
    live.on([APPROVED, 'approvals.request.rejected.v1'], listed);
    // An exact name is not a prefix: v1 must not match v10.
    const exact = vi.fn();
    live.on(SUBMITTED, exact);

    source.emit(SUBMITTED, liveEvent(SUBMITTED));
    source.emit(APPROVED, liveEvent(APPROVED));
    live.on('quotes.quote.submitted.v10', () => undefined);
    source.emit('quotes.quote.submitted.v10', liveEvent('quotes.quote.submitted.v10'));

    expect(quotes.mock.calls.map(([event]) => event.name)).toEqual([SUBMITTED, 'quotes.quote.submitted.v10']);
    expect(listed.mock.calls.map(([event]) => event.name)).toEqual([APPROVED]);
    expect(exact).toHaveBeenCalledTimes(1);
  });

  it('stops calling a handler once its unsubscribe function has been called', () => {
    const { live, source } = connectedStore();
    source.open();
    const kept = vi.fn();
    const dropped = vi.fn();
    live.on(SUBMITTED, kept);
    const unsubscribe = live.on(SUBMITTED, dropped);

    source.emit(SUBMITTED, liveEvent(SUBMITTED));
    unsubscribe();
    source.emit(SUBMITTED, liveEvent(SUBMITTED));

    expect(kept).toHaveBeenCalledTimes(2);
    expect(dropped).toHaveBeenCalledTimes(1);
  });

  it('ignores ping messages and messages without an event envelope', () => {
    const { live, source } = connectedStore();
    source.open();
    const handler = vi.fn();
    live.on('quotes.', handler);
    live.on(SUBMITTED, handler);
    live.on('ping', handler);

    source.emit('ping', '');
    source.emit('message', '');
    source.emit(SUBMITTED, 'not json');

    expect(source.listenedNames).not.toContain('ping');
    expect(handler).not.toHaveBeenCalled();
    expect(live.lastEvent).toBeNull();
    expect(live.status).toBe('open');
  });

  it('keeps delivering to the other handlers when one handler throws', () => {
    const { live, source } = connectedStore();
    source.open();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    live.on(SUBMITTED, () => {
      throw new Error('boom');
    });
    live.on(SUBMITTED, after);

    source.emit(SUBMITTED, liveEvent(SUBMITTED));

    expect(after).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('goes to connecting while the browser reconnects and to closed when it gives up, then retries itself', () => {
    vi.useFakeTimers();
    const { live, source } = connectedStore();
    source.open();

    source.fail({ willRetry: true });
    expect(live.status).toBe('connecting');
    expect(live.paused).toBe(true);
    source.open();
    expect(live.status).toBe('open');
    expect(live.paused).toBe(false);

    source.fail({ willRetry: false });
    expect(live.status).toBe('closed');
    expect(live.paused).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(1);

    vi.advanceTimersByTime(2_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(live.status).toBe('connecting');
    FakeEventSource.latest?.open();
    expect(live.status).toBe('open');
  });

  it('tells live. subscribers (only) that it reconnected when an open follows an error', () => {
    const { live, source } = connectedStore();
    const notifications: LiveNotification[] = [];
    const integration = vi.fn();
    live.on('live.', (event) => notifications.push(event));
    live.on('quotes.', integration);

    source.open();
    expect(notifications).toEqual([]);

    source.fail({ willRetry: true });
    source.open();

    expect(notifications).toEqual([{ name: 'live.reconnected' }]);
    expect(integration).not.toHaveBeenCalled();
    expect(live.lastEvent).toBeNull();
  });

  it('closes the EventSource on disconnect and starts afresh (no reconnect notice) on the next connect', () => {
    vi.useFakeTimers();
    const { live, source } = connectedStore();
    const notified = vi.fn();
    live.on('live.reconnected', notified);
    source.open();
    source.fail({ willRetry: false });

    live.disconnect();

    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(live.status).toBe('closed');
    vi.advanceTimersByTime(120_000);
    expect(FakeEventSource.instances).toHaveLength(1);

    live.connect({ EventSource: FakeEventSource });
    FakeEventSource.latest?.open();
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(live.status).toBe('open');
    expect(notified).not.toHaveBeenCalled();
  });

  it('stays closed when the browser has no EventSource', () => {
    vi.stubGlobal('EventSource', undefined);
    try {
      const live = useLiveEventsStore();
      live.connect();
      expect(live.status).toBe('closed');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('useLiveConnection', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    FakeEventSource.reset();
  });

  it('connects when a user logs in and disconnects when they log out', async () => {
    installFakeApi({
      'POST /api/v1/auth/login': { status: 200, body: ada },
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const session = useSessionStore();
    const live = useLiveEventsStore();
    const scope = effectScope();
    scope.run(() => useLiveConnection({ EventSource: FakeEventSource }));

    expect(FakeEventSource.instances).toHaveLength(0);
    expect(live.status).toBe('closed');

    await session.login('admin@example.com', 'demo');
    await nextTick();
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(live.status).toBe('connecting');
    FakeEventSource.latest?.open();
    expect(live.status).toBe('open');

    await session.logout();
    await nextTick();
    expect(FakeEventSource.latest?.readyState).toBe(FakeEventSource.CLOSED);
    expect(live.status).toBe('closed');

    await session.login('admin@example.com', 'demo');
    await nextTick();
    expect(FakeEventSource.instances).toHaveLength(2);

    scope.stop();
    expect(FakeEventSource.latest?.readyState).toBe(FakeEventSource.CLOSED);
    expect(live.status).toBe('closed');
  });

  it('connects at once when a user is already signed in', () => {
    const session = useSessionStore();
    session.me = ada;
    const scope = effectScope();
    scope.run(() => useLiveConnection({ EventSource: FakeEventSource }));

    expect(FakeEventSource.instances).toHaveLength(1);
    scope.stop();
  });
});
