import { TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
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

  // Every spelling the router (or a proxy in front) may take for the dashboard: none reaches it without an admin.
  const spellings = [
    '/admin/queue%73/api/queues',
    '/admin/queue%73',
    '/%61dmin/queues/api/queues',
    '/admin%2Fqueues/api/queues',
    '/admin/queues%2Fapi%2Fqueues',
    '/admin/queues/api/queue%73',
    '/admin/queues/api/queues/',
    '/admin/queues/',
    '//admin/queues/api/queues',
    '/admin//queues/api/queues',
    '/ADMIN/QUEUES/api/queues',
    '/Admin/Queues/api/queues',
    '/admin/queues/./api/queues',
    '/admin/x/../queues/api/queues',
    '/admin/queues/api/../api/queues',
    '/admin/queues/%2e/api/queues',
    '/api/queues',
    '/api/v1/../../admin/queues/api/queues',
  ];

  /** The board answered: its page, or its API's queue list (a 404 may echo the path, so not by the name). */
  const reachedBoard = (response: { statusCode: number; body: string }) => response.statusCode === 200 || response.body.includes('"counts"') || response.body.includes('jobs');

  it('answers no spelling of the dashboard or its API to a visitor without a session', async () => {
    for (const url of spellings) {
      for (const accept of ['application/json', 'text/html']) {
        const response = await api.request({ method: 'GET', url: `${url}?activeQueue=${encodeURIComponent(queueName)}&status=failed`, headers: { accept } });
        expect({ url, accept, reached: reachedBoard(response) }).toEqual({ url, accept, reached: false });
        expect([302, 401, 404]).toContain(response.statusCode);
      }
    }
  });

  it('answers no spelling of the dashboard to a rep', async () => {
    const cookie = await api.logIn('rep@example.com');
    for (const url of spellings) {
      const response = await api.request({ method: 'GET', url, headers: { cookie } });
      expect({ url, reached: reachedBoard(response) }).toEqual({ url, reached: false });
      expect([403, 404]).toContain(response.statusCode);
    }
  });

  it('refuses a forged event added through an encoded spelling of the dashboard, with or without a session', async () => {
    const before = await queue.getJobCounts();
    const forged = { name: 'approvals.approval-request.approved.v1', data: { id: 'forged', payload: { quoteId: 'x' } }, options: {} };
    for (const url of [`/admin/queue%73/api/queues/${queueName}/add`, `/admin/queues/api/queues/${queueName}/add`, `/admin/queues/api/queues/${encodeURIComponent(queueName)}/ad%64`]) {
      const anonymous = await api.request({ method: 'POST', url, payload: forged });
      expect([401, 404]).toContain(anonymous.statusCode);
      const asAdmin = await api.request({ method: 'POST', url, payload: forged, headers: { cookie: await api.logIn('admin@example.com') } });
      expect({ url, status: asAdmin.statusCode, code: asAdmin.json()['code'] }).toEqual({ url, status: 403, code: 'QUEUES.READ_ONLY' });
    }
    expect(await queue.getJobCounts()).toEqual(before);
  });

  it('refuses admins every write but retrying or removing failed jobs', async () => {
    const cookie = await api.logIn('admin@example.com');
    const waiting = await queue.add('deliver-event', { n: 2 }, { jobId: 'evt-2@dashboard', delay: 60_000 });
    const q = encodeURIComponent(queueName);
    const refused = [
      { method: 'PATCH', url: `/admin/queues/api/queues/${q}/${waiting.id}/update-data`, payload: { jobData: { n: 3 } } },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/${waiting.id}/promote` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/${waiting.id}/retry` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/${waiting.id}/clean` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/clean/delayed` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/retry/completed` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/promote` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/pause` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/empty` },
      { method: 'PUT', url: `/admin/queues/api/queues/${q}/obliterate` },
      { method: 'PUT', url: '/admin/queues/api/queues/pause' },
    ];
    for (const request of refused) {
      const response = await api.request({ ...request, headers: { cookie } });
      expect({ ...request, status: response.statusCode, code: response.json()['code'] }).toEqual({ ...request, status: 403, code: 'QUEUES.READ_ONLY' });
    }
    const job = await queue.getJob(waiting.id!);
    expect([job?.data, await job?.getState()]).toEqual([{ n: 2 }, 'delayed']);
    await job?.remove();
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

  it('lets admins remove a failed job', async () => {
    const cookie = await api.logIn('admin@example.com');
    const job = await queue.add('deliver-event', { n: 4 }, { jobId: 'evt-4@dashboard', attempts: 1 });
    const worker = new Worker(queueName, async () => { throw new Error('handler failed'); }, { connection: { url: TEST_REDIS_URL } as never, prefix: 'qa' });
    await waitUntil(async () => (await queue.getJob(job.id!).then((j) => j?.getState())) === 'failed', { timeoutMs: 10_000 });
    await worker.close();
    expect(await queue.getJob(job.id!).then((j) => j?.getState())).toBe('failed');
    const removed = await api.request({ method: 'PUT', url: `/admin/queues/api/queues/${encodeURIComponent(queueName)}/${encodeURIComponent(job.id!)}/clean`, headers: { cookie } });
    expect(removed.statusCode).toBeLessThan(300);
    expect(await queue.getJob(job.id!)).toBeUndefined();
  });
});
