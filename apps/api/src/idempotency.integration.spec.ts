import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';

describe('Idempotency-Key on state-changing requests', () => {
  let api: ApiTestApp;
  let cookie: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    cookie = await api.logIn('rep@example.com');
  });
  afterAll(() => api?.close());

  const createToken = (name: string, key?: string) =>
    api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name }, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) } });
  const tokenNames = async () =>
    (await api.request({ method: 'GET', url: '/api/v1/me/api-tokens', headers: { cookie } })).json<{ items: Array<{ name: string }> }>().items.map((t) => t.name);

  it('answers a retry with the first answer and acts once', async () => {
    const first = await createToken('retried script', 'key-retry-0001');
    const retry = await createToken('retried script', 'key-retry-0001');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect((await tokenNames()).filter((n) => n === 'retried script')).toHaveLength(1);
  });

  it('acts once when the same request arrives twice at the same time', async () => {
    const [a, b] = await Promise.all([createToken('concurrent script', 'key-concurrent-01'), createToken('concurrent script', 'key-concurrent-01')]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json()).toEqual(b.json());
    expect((await tokenNames()).filter((n) => n === 'concurrent script')).toHaveLength(1);
  });

  it('refuses the same key with a different body, changing nothing', async () => {
    await createToken('original', 'key-reused-00001');
    const reused = await createToken('something else', 'key-reused-00001');
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await tokenNames()).not.toContain('something else');
  });

  it('keeps keys apart per caller', async () => {
    const other = await api.logIn('rep2@example.com');
    const mine = await createToken('per caller', 'key-per-caller-1');
    const theirs = await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'per caller' }, headers: { cookie: other, 'idempotency-key': 'key-per-caller-1' } });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json<{ id: string }>().id).not.toBe(mine.json<{ id: string }>().id);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const response = await createToken('bad key', 'short');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IDEMPOTENCY.INVALID_KEY', details: { fields: [{ field: 'Idempotency-Key' }] } });
  });

  it('runs a request without a key every time', async () => {
    await createToken('no key');
    await createToken('no key');
    expect((await tokenNames()).filter((n) => n === 'no key')).toHaveLength(2);
  });
});
