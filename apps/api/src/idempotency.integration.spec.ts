import { MikroORM } from '@mikro-orm/core';
import { IdempotencyPurger } from '@qa/shared-http';
import { ManualClock } from '@qa/shared-kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';

const hour = 3_600_000;

describe('Idempotency-Key on state-changing requests', () => {
  const clock = new ManualClock('2026-12-01T08:00:00Z');
  let api: ApiTestApp;
  let cookie: string;
  let admin: string;
  let userIds: Record<string, string>;

  beforeAll(async () => {
    api = await startApiTestApp({}, { clock });
    await api.seedDemoUsers();
    cookie = await api.logIn('rep@example.com');
    admin = await api.logIn('admin@example.com');
    const users = (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } })).json<{ items: Array<{ id: string; email: string }> }>().items;
    userIds = Object.fromEntries(users.map((u) => [u.email, u.id]));
  });
  afterAll(() => api?.close());

  /** A replayable endpoint: an admin changes rep2's role. */
  const setRole = (role: string, key?: string) =>
    api.request({ method: 'PATCH', url: `/api/v1/users/${userIds['rep2@example.com']}`, payload: { role }, headers: { cookie: admin, ...(key ? { 'idempotency-key': key } : {}) } });
  const roleOfRep2 = async () =>
    (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } })).json<{ items: Array<{ email: string; role: string }> }>().items.find((u) => u.email === 'rep2@example.com')!.role;
  /** An endpoint whose answer holds a secret. */
  const createToken = (name: string, key?: string, as = cookie) =>
    api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name }, headers: { cookie: as, ...(key ? { 'idempotency-key': key } : {}) } });
  const tokenNames = async () =>
    (await api.request({ method: 'GET', url: '/api/v1/me/api-tokens', headers: { cookie } })).json<{ items: Array<{ name: string }> }>().items.map((t) => t.name);
  const idempotencyRows = async (): Promise<Array<Record<string, unknown>>> => api.app.get(MikroORM).em.fork().getConnection().execute('select * from http_idempotency');

  it('answers a retry with the first answer and acts once', async () => {
    const first = await setRole('manager', 'key-retry-0001');
    await setRole('rep');
    const retry = await setRole('manager', 'key-retry-0001');
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await roleOfRep2()).toBe('rep');
  });

  it('refuses the same key with a different body, changing nothing', async () => {
    await setRole('rep', 'key-reused-00001');
    const reused = await setRole('manager', 'key-reused-00001');
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await roleOfRep2()).toBe('rep');
  });

  it('never stores the secret of a new API token: a retry creates nothing and answers 409', async () => {
    const first = await createToken('retried script', 'key-secret-0001');
    expect(first.statusCode).toBe(201);
    const { token } = first.json<{ token: string }>();
    const rows = await idempotencyRows();
    expect(rows.some((row) => row['key'] === 'key-secret-0001')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(5));

    const retry = await createToken('retried script', 'key-secret-0001');
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE', details: { key: 'key-secret-0001' } });
    expect(retry.body).not.toContain(token);
    expect((await tokenNames()).filter((n) => n === 'retried script')).toHaveLength(1);
  });

  it('acts once when the same token request arrives twice at the same time, storing no secret', async () => {
    const [a, b] = await Promise.all([createToken('concurrent script', 'key-concurrent-01'), createToken('concurrent script', 'key-concurrent-01')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const token = (a.statusCode === 201 ? a : b).json<{ token: string }>().token;
    expect(JSON.stringify(await idempotencyRows())).not.toContain(token);
    expect((await tokenNames()).filter((n) => n === 'concurrent script')).toHaveLength(1);
  });

  it('keeps keys apart per caller', async () => {
    const other = await api.logIn('rep2@example.com');
    const mine = await createToken('per caller', 'key-per-caller-1');
    const theirs = await createToken('per caller', 'key-per-caller-1', other);
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

  it('treats a key as new after 24 hours, and purges the records that old', async () => {
    const first = await createToken('daily script', 'key-daily-000001');
    expect(first.statusCode).toBe(201);
    clock.advance(24 * hour - 1000);
    // (Sessions end after 24 hours at most: log in again.)
    cookie = await api.logIn('rep@example.com');
    expect((await createToken('daily script', 'key-daily-000001')).statusCode).toBe(409);
    clock.advance(1000);
    cookie = await api.logIn('rep@example.com');
    admin = await api.logIn('admin@example.com');
    const again = await createToken('daily script', 'key-daily-000001');
    expect(again.statusCode).toBe(201);
    expect((await tokenNames()).filter((n) => n === 'daily script')).toHaveLength(2);
    const young = await setRole('manager', 'key-young-000001');
    expect(young.statusCode).toBe(200);

    const before = (await idempotencyRows()).map((r) => r['key']);
    expect(before).toContain('key-retry-0001');
    const purged = await api.app.get(IdempotencyPurger).purge();
    const after = (await idempotencyRows()).map((r) => r['key']).sort();
    expect(purged).toBe(before.length - 2);
    expect(after).toEqual(['key-daily-000001', 'key-young-000001']);
  });
});
