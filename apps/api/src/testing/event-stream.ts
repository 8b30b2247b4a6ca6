import type { IntegrationEvent, IntegrationEventName } from '@qa/shared-kernel';
import { liveEventsChannel } from '@qa/shared-messaging';
import { waitUntil } from '@qa/shared-testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** The name of the marker events `LiveChannel.fence()` sends; a stream keeps them out of `received`. */
const FENCE_EVENT: IntegrationEventName = 'test.stream.fenced.v1';

/**
 * Reads a text/event-stream over a real socket and collects the messages' event names. `headers`
 * is a cookie header string, or the headers to send (e.g. `{ authorization: 'Bearer …' }`).
 * `ended` is set (and `closed` resolves) when the server ends the stream. Once the response is
 * here, the server's stream is subscribed to the API's live events (Nest subscribes before it
 * sends the headers).
 */
export async function openEventStream(url: string, headers: string | Record<string, string>) {
  const controller = new AbortController();
  const sent = typeof headers === 'string' ? { cookie: headers } : headers;
  const response = await fetch(url, { headers: { ...sent, accept: 'text/event-stream' }, signal: controller.signal });
  const received: Array<{ event: string; data: IntegrationEvent }> = [];
  const fences = new Set<string>();
  const state = { ended: false };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const closed = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          state.ended = true;
          return;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === FENCE_EVENT && data) fences.add((JSON.parse(data) as IntegrationEvent).id);
          else if (event && data && event !== 'ping') received.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    received,
    fences,
    closed,
    get ended() {
      return state.ended;
    },
    close: () => controller.abort(),
  };
}

export type EventStream = Awaited<ReturnType<typeof openEventStream>>;

/** The API's live-events channel in Redis, as the relays announce on it. */
export class LiveChannel {
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(config: { redisUrl: string; worker: { queuePrefix: string } }) {
    this.redis = new Redis(config.redisUrl);
    this.channel = liveEventsChannel(config.worker.queuePrefix);
  }

  /** Resolves once the API is subscribed to the channel: what is announced from then on reaches its streams. */
  async subscribed(): Promise<void> {
    await waitUntil(async () => Number(((await this.redis.pubsub('NUMSUB', this.channel)) as [string, number])[1]) > 0, { timeoutMs: 10_000, intervalMs: 20 });
  }

  /** Announces events as a relay does (one message, in this order). */
  async publish(events: IntegrationEvent[]): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(events));
  }

  /**
   * Announces a marker event `stream`'s caller may see (its payload's `ownerId`), and resolves once
   * the stream has it: everything announced before has been sent to the stream, or filtered out.
   */
  async fence(stream: EventStream, ownerId: string): Promise<void> {
    const id = `fence-${randomUUID()}`;
    await this.publish([
      { id, name: FENCE_EVENT, occurredAt: new Date().toISOString(), aggregateType: 'test', aggregateId: id, aggregateVersion: 1, actor: { type: 'system', id: null }, correlationId: id, payload: { ownerId } },
    ]);
    await waitUntil(async () => stream.fences.has(id), { timeoutMs: 10_000, intervalMs: 20, describe: () => `the stream did not get the fence ${id}` });
  }

  close(): void {
    this.redis.disconnect();
  }
}
