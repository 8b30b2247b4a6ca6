import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

describe('GET /api/health', () => {
  const apps: ApiTestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('answers 200 when the database and Redis answer, without logging in', async () => {
    const api = await startApiTestApp();
    apps.push(api);
    const response = await api.request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('answers 503 naming Redis when Redis does not answer', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const api = await startApiTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    apps.push(api);
    const response = await api.request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      statusCode: 503,
      code: 'HEALTH.DOWN',
      message: 'Not healthy: redis not reachable',
      details: { redis: { status: 'down' }, database: { status: 'up' } },
    });
  });
});
