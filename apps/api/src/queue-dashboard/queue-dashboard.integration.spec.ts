import { TEST_REDIS_URL } from '@qa/shared-testing';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** Bull Board at /admin/queues: the failed set, for admins only. Uses a queue of its own under the real prefix. */
describe('queue dashboard (/admin/queues)', () => {
  let api: ApiTestApp;
  const queueName = `events.dashboard-test-${randomBytes(3).toString('hex')}`;
  let queue: Queue;
  let failedJobId: string;

  beforeAll(async () => {
    // A queue with one job in the failed set, before the API starts (it lists queues at start-up).
    queue = new Queue(queueName, { connection: { url: TEST_REDIS_URL } as never, prefix: 'qa' });
    const job = await queue.add('deliver-event', { n: 1 }, { jobId: 'evt-1@dashboard', attempts: 1 });
    failedJobId = job.id!;
    const worker = new Worker(queueName, async () => { throw new Error('handler failed'); }, { connection: { url: TEST_REDIS_URL } as never, prefix: 'qa' });
    await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    await worker.close();
    api = await startApiTestApp();
    await api.seedDemoUsers();
  });
  afterAll(async () => {
    await api?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
  });

  it('sends a visitor who is not logged in to the login page and back', async () => {
    const response = await api.request({ method: 'GET', url: '/admin/queues', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?redirect=%2Fadmin%2Fqueues');
    const apiCall = await api.request({ method: 'GET', url: '/admin/queues/api/queues' });
    expect(apiCall.statusCode).toBe(401);
  });

  it('refuses reps and managers', async () => {
    for (const email of ['rep@example.com', 'manager@example.com']) {
      const response = await api.request({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: await api.logIn(email) } });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
  });

  it('shows admins the failed job and lets them retry it', async () => {
    const cookie = await api.logIn('admin@example.com');
    const page = await api.request({ method: 'GET', url: '/admin/queues', headers: { cookie, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);

    const listed = await api.request({ method: 'GET', url: `/admin/queues/api/queues?activeQueue=${encodeURIComponent(queueName)}&status=failed`, headers: { cookie } });
    expect(listed.statusCode).toBe(200);
    const ours = listed.json<{ queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string; failedReason: string }> }> }>().queues.find((q) => q.name === queueName)!;
    expect(ours.counts['failed']).toBe(1);
    expect(ours.jobs.map((j) => [j.id, j.failedReason])).toEqual([[failedJobId, 'handler failed']]);

    const retry = await api.request({ method: 'PUT', url: `/admin/queues/api/queues/${encodeURIComponent(queueName)}/${encodeURIComponent(failedJobId)}/retry`, headers: { cookie } });
    expect(retry.statusCode).toBeLessThan(300);
    expect(await queue.getFailedCount()).toBe(0);
    expect(await queue.getWaitingCount()).toBe(1);
  });
});
