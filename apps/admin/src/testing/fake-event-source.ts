// Test-only: an in-memory EventSource for the live-events store. Each instance is kept in
// `FakeEventSource.instances`; a spec drives it like a server would (open, named messages, errors).
import type { LiveIntegrationEvent } from '../live/live-events.store';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSED = CLOSED;
  static instances: FakeEventSource[] = [];

  /** The newest instance (the store's current connection, if it has one). */
  static get latest(): FakeEventSource | undefined {
    return FakeEventSource.instances.at(-1);
  }

  static reset(): void {
    FakeEventSource.instances = [];
  }

  readonly url: string;
  readyState = CONNECTING;
  /** Names with at least one listener, in the order they were first registered. */
  readonly listenedNames: string[] = [];

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    if (!this.listenedNames.includes(type)) this.listenedNames.push(type);
    super.addEventListener(type, listener, options);
  }

  close(): void {
    this.readyState = CLOSED;
  }

  /** The server answered 200: the stream is open. */
  open(): void {
    this.readyState = OPEN;
    this.dispatchEvent(new Event('open'));
  }

  /** A named message, as `event: <name>` + `data: <data>` on the wire. */
  emit(name: string, data: unknown): void {
    if (this.readyState === CLOSED) return;
    this.dispatchEvent(new MessageEvent(name, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }

  /** The connection dropped; `willRetry: false` is the browser giving up (non-200 answer, e.g. 401). */
  fail({ willRetry }: { willRetry: boolean }): void {
    this.readyState = willRetry ? CONNECTING : CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}

let sequence = 0;

/** An integration event envelope as the API sends it. */
export function liveEvent(name: string, overrides: Partial<LiveIntegrationEvent> = {}): LiveIntegrationEvent {
  sequence += 1;
  return {
    id: `0190-event-${sequence}`,
    name,
    occurredAt: '2025-01-01T10:00:00.000Z',
    aggregateType: name.split('.')[1] ?? 'aggregate',
    aggregateId: `aggregate-${sequence}`,
    aggregateVersion: 1,
    actor: { type: 'user', id: 'u-ada' },
    correlationId: `correlation-${sequence}`,
    payload: {},
    ...overrides,
  };
}
