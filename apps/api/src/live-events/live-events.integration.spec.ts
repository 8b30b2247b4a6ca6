import { liveEventsChannel } from '@qa/shared-messaging';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { openEventStream as openStream } from '../testing/event-stream';

describe('GET /api/v1/events/stream (server-sent events)', () => {
  let api: ApiTestApp;
  let baseUrl: string;
  const publisher = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: `qa-live-${Date.now().toString(36)}` });
    await api.seedDemoUsers();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
  });
  afterAll(async () => {
    publisher.disconnect();
    await api?.close();
  });

  const event = (id: string, payload: Record<string, unknown>): IntegrationEvent => ({
    id,
    name: 'quotes.quote.submitted.v1',
    occurredAt: new Date().toISOString(),
    aggregateType: 'quote',
    aggregateId: `q-${id}`,
    aggregateVersion: 2,
    actor: { type: 'system', id: null },
    correlationId: id,
    payload,
  });

  it('refuses a visitor who is not logged in', async () => {
    const response = await fetch(`${baseUrl}/api/v1/events/stream`);
    expect(response.status).toBe(401);
  });

  it("pushes each user the events they may see: a rep their own records', a manager all", async () => {
    const repCookie = await api.logIn('rep@example.com');
    const repId = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>().id;
    const rep = await openStream(`${baseUrl}/api/v1/events/stream`, repCookie);
    const manager = await openStream(`${baseUrl}/api/v1/events/stream`, await api.logIn('manager@example.com'));
    try {
      expect(rep.response.headers.get('content-type')).toMatch(/text\/event-stream/);
      // Give both subscriptions a moment, then announce as a relay does.
      await new Promise((r) => setTimeout(r, 200));
      await publisher.publish(liveEventsChannel(api.config.worker.queuePrefix), JSON.stringify([event('mine', { ownerId: repId }), event('theirs', { ownerId: 'someone-else' })]));
      await waitUntil(async () => manager.received.length === 2 && rep.received.length >= 1, { timeoutMs: 5_000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(rep.received.map((m) => m.data.id)).toEqual(['mine']);
      expect(manager.received.map((m) => m.data.id)).toEqual(['mine', 'theirs']);
      expect(manager.received[0].event).toBe('quotes.quote.submitted.v1');
    } finally {
      rep.close();
      manager.close();
    }
  });
});
