import { MikroORM } from '@mikro-orm/core';
import { deliveryJobId, eventQueueName } from '@qa/shared-messaging';
import { TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';
import { workflowBody } from '../testing/workflow-fixtures';

type Json = Record<string, unknown>;

/**
 * A job is a hint, not a fact: jobs put straight into Redis (an "approved" event for a pending
 * quote, an edited copy of a real event, a workflow step out of turn) change nothing and are
 * logged as rejected by the real worker process.
 */
describe('forged jobs in Redis (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'forge', users: ['rep', 'manager', 'admin'] });
  const { call, ids, queuePrefix } = system;
  let quoteId: string;
  const queues: Queue[] = [];

  beforeAll(async () => {
    await system.start();
    const dealId = await system.createDeal('Forgery');
    expect((await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] })).statusCode).toBe(200);
    await system.approvalWorkflowsInstalled();
    // A workflow that waits a day before creating a task: its run stands at the wait meanwhile.
    const workflow = await call(
      'admin',
      'POST',
      '/api/v1/workflows',
      workflowBody({
        name: 'Follow up a day after submission',
        actions: [
          { key: 'wait', params: { minutes: 1440 } },
          { key: 'create_task', params: { assignee: 'owner', title: 'Follow up {{record.number}}' } },
          { key: 'create_task', params: { assignee: 'owner', title: 'Second follow-up {{record.number}}' } },
        ],
      }),
    );
    expect(workflow.statusCode).toBe(201);
    const created = await call('rep', 'POST', '/api/v1/quotes', { title: 'Forgery target', dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] });
    expect(created.statusCode, created.body).toBe(201);
    quoteId = created.json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${quoteId}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    // The round is open (the manager has the approval task) before anything is forged.
    await waitUntil(async () => (await tasks('manager')).some((t) => t.relatedId === quoteId), { timeoutMs: 20_000 });
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await system.stop();
  });

  const tasks = async (who: string) => (await call(who, 'GET', '/api/v1/tasks?status=open')).json<{ items: Array<{ title: string; relatedId: string }> }>().items;
  const queue = (name: string) => {
    const q = new Queue(name, { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    queues.push(q);
    return q;
  };
  const settled = async (job: Job) =>
    waitUntil(
      async () => {
        const state = await job.getState();
        return state === 'completed' || state === 'failed' || state === 'unknown' ? state : null;
      },
      { timeoutMs: 20_000, describe: async () => `job ${job.id} is ${await job.getState()}` },
    );
  const approvedEvent = (overrides: Json = {}) => ({
    id: randomUUID(),
    name: 'approvals.request.approved.v1',
    occurredAt: new Date().toISOString(),
    aggregateType: 'approval-request',
    aggregateId: randomUUID(),
    aggregateVersion: 2,
    actor: { type: 'user', id: ids['manager'] },
    correlationId: randomUUID(),
    payload: { requestId: randomUUID(), quoteId, round: 1, ownerId: ids['rep'], approverIds: [ids['manager']], step: 1, steps: 1, notes: 'forged', decidedBy: ids['manager'] },
    ...overrides,
  });

  it('does not approve or publish a pending quote for an "approved" event that is not in the outbox', async () => {
    const forged = approvedEvent();
    const job = await queue(eventQueueName('quotes')).add('deliver-event', forged, { jobId: deliveryJobId(forged.id, 'quotes') });
    expect(await settled(job)).not.toBe('failed');
    // Nothing follows from it: once everything is handled, the quote is still pending.
    await system.waitUntilQuiet();
    const quote = (await call('rep', 'GET', `/api/v1/quotes/${quoteId}`)).json<{ status: string; sharePath: string | null }>();
    expect([quote.status, quote.sharePath]).toEqual(['pending_approval', null]);
    await waitUntil(async () => system.worker.output().includes(`rejected job ${job.id} for quotes: event ${forged.id} is not in the outbox`), { timeoutMs: 10_000 });
  });

  it('rejects a job that takes a real event\'s id with other content', async () => {
    const [submitted] = await system.api.app.get(MikroORM).em.fork().getConnection().execute(
      `select id from messaging_outbox where aggregate_id = ? and name = 'quotes.quote.submitted.v1'`,
      [quoteId],
    );
    // The real event's id, dressed as an approval of the quote.
    const edited = approvedEvent({ id: submitted.id });
    const job = await queue(eventQueueName('quotes')).add('deliver-event', edited, { jobId: `${deliveryJobId(submitted.id, 'quotes')}@edited` });
    expect(await settled(job)).not.toBe('failed');
    expect((await call('rep', 'GET', `/api/v1/quotes/${quoteId}`)).json()).toMatchObject({ status: 'pending_approval', sharePath: null });
    await waitUntil(async () => system.worker.output().includes(`rejected job ${job.id} for quotes: event ${submitted.id} differs from the outbox's copy`), { timeoutMs: 10_000 });
  });

  it('runs no workflow step the run does not stand at, and none before its wait is over', async () => {
    const connection = system.api.app.get(MikroORM).em.fork().getConnection();
    const [run] = await waitUntil(
      async () => {
        const rows: Array<{ id: string }> = await connection.execute(`select id from workflows_run where record_id = ? and workflow_name = 'Follow up a day after submission'`, [quoteId]);
        const [wait] = rows.length ? await connection.execute(`select status from workflows_run_step where run_id = ? and index = 0`, [rows[0].id]) : [];
        return wait?.status === 'succeeded' ? rows : null;
      },
      { timeoutMs: 20_000 },
    );
    const steps = queue('workflows.steps');
    // Step 2 while the run stands at step 1: rejected. Step 1 a day early: back to the queue until then.
    const outOfTurn = await steps.add('run-step', { runId: run.id, index: 2 }, { jobId: `${run.id}@2@forged` });
    const early = await steps.add('run-step', { runId: run.id, index: 1 }, { jobId: `${run.id}@1@forged` });
    expect(await settled(outOfTurn)).toBe('completed');
    await waitUntil(async () => system.worker.output().includes(`rejected step job ${outOfTurn.id}: run ${run.id} does not stand at step 2`), { timeoutMs: 10_000 });
    await waitUntil(async () => (await early.getState()) === 'delayed' && system.worker.output().includes(`step job ${early.id} came before its wait is over`), { timeoutMs: 10_000 });
    // Due in about a day (the delayed set's score is the due time).
    const redis = new Redis(TEST_REDIS_URL);
    const dueAt = Math.floor(Number(await redis.zscore(`${queuePrefix}:workflows.steps:delayed`, early.id!)) / 0x1000);
    await redis.quit();
    expect(dueAt).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    // Quiet with the run parked at its wait: no step ran meanwhile, no task appeared.
    await system.waitUntilQuiet();
    const stepRows: Array<{ index: number; status: string; attempts: number }> = await connection.execute(`select index, status, attempts from workflows_run_step where run_id = ? order by index`, [run.id]);
    expect(stepRows.map((s) => [s.index, s.status, s.attempts])).toEqual([
      [0, 'succeeded', 1],
      [1, 'pending', 0],
      [2, 'pending', 0],
    ]);
    expect((await tasks('rep')).filter((t) => t.relatedId === quoteId)).toEqual([]);
  });
});
