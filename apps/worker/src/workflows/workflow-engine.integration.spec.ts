import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ListUsersQuery } from '@qa/identity-application';
import { seedDemoUsers } from '@qa/identity-infrastructure';
import { migrateDatabase } from '@qa/platform-database';
import { Quote, QuoteRepository } from '@qa/quotes-domain';
import { loadConfig } from '@qa/shared-config';
import { createTestDatabase, freePort, removeQueueKeys, TEST_REDIS_URL, waitUntil, waitUntilQuiet, type TestDatabase } from '@qa/shared-testing';
import { CreateWorkflowCommand, ListWorkflowRunsQuery, PropertyStore, RetryWorkflowRunCommand, RunRepository, StepScheduler } from '@qa/workflows-application';
import { WorkflowRun, WorkflowRunStep, type WorkflowSpec } from '@qa/workflows-domain';
import { WORKFLOW_STEPS_QUEUE, WorkflowStepWorker } from '@qa/workflows-api';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerModule } from '../worker.module';

/** The workflow engine in the real worker, on real PostgreSQL and Redis. */
describe('workflow engine', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let worker: INestApplicationContext;
  let orm: MikroORM;
  let repId: string;
  let webhook: Server;
  let webhookUrl: string;
  const webhookHits: Array<{ signature: string; delivery: string }> = [];
  const queuePrefix = `qa-wf-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const port = await freePort();
    webhook = createServer((request, response) => {
      webhookHits.push({ signature: String(request.headers['x-qa-signature']), delivery: String(request.headers['x-qa-delivery']) });
      response.statusCode = 500;
      response.end('broken on purpose');
    });
    await new Promise<void>((resolve) => webhook.listen(port, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${port}/hook`;
    database = await createTestDatabase('qa_wf');
    const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'silent', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '100', OUTBOX_ACK_TIMEOUT_MS: '3000' });
    await migrateDatabase(config.database);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    orm = worker.get(MikroORM);
    await inContext(() => seedDemoUsers(worker.get(CommandBus)));
    const users = await inContext(() => worker.get(QueryBus).execute(new ListUsersQuery({ roles: ['rep'] })));
    repId = users.find((u) => u.email === 'rep@example.com')!.id;
  });
  afterAll(async () => {
    await worker?.close();
    await new Promise<void>((resolve) => webhook?.close(() => resolve()));
    await removeQueueKeys(queuePrefix);
    await database?.drop();
  });

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(orm.em.fork(), work);
  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) => (await orm.em.fork().getConnection().execute(query, params)) as T[];
  const createWorkflow = async (spec: Partial<WorkflowSpec>) => {
    const { workflow } = await inContext(() =>
      worker.get(CommandBus).execute(
        new CreateWorkflowCommand({
          name: 'Test workflow',
          enabled: true,
          objectType: 'quote',
          trigger: { type: 'status_becomes', status: 'approval_not_needed' },
          conditions: [],
          reenrollment: 'always',
          actions: [],
          setKey: null,
          ...spec,
        }),
      ),
    );
    return workflow;
  };
  const submitQuote = async (title: string) => {
    const quote = Quote.create({
      number: `Q-2026-${randomBytes(2).toString('hex')}`,
      ownerId: repId,
      details: { title, dealId: 'deal-1', companyId: null, recipientContactIds: [], currency: 'EUR', expiresOn: '2099-12-31', quoteDiscount: null, commentsForBuyer: '', purchaseTerms: '', lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 1, unitPriceMinor: 100_000, discount: null, billingPeriod: 'one_time' }] },
    });
    await inContext(() => worker.get(QuoteRepository).save(quote));
    quote.submit(null, { by: repId });
    await inContext(() => worker.get(QuoteRepository).save(quote));
    return quote;
  };
  /** Where each workflow-step job is in BullMQ (for the message when a wait times out). */
  const stepJobs = async () => {
    const queue = new Queue(WORKFLOW_STEPS_QUEUE, { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    try {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'failed', 'completed']);
      return { now: Date.now(), jobs: await Promise.all(jobs.map(async (j) => ({ id: j.id, state: await j.getState(), timestamp: j.timestamp, delay: j.opts.delay, processedOn: j.processedOn }))) };
    } finally {
      await queue.close();
    }
  };
  const runsOf = async (workflowId: string) => inContext(() => worker.get(QueryBus).execute(new ListWorkflowRunsQuery(workflowId)));
  type Run = Awaited<ReturnType<typeof runsOf>>[number];
  /** The workflow's newest run once `done` holds for it (the message names the runs and step jobs if it never does). */
  const runWhen = (workflowId: string, done: (run: Run, all: Run[]) => boolean) =>
    waitUntil(
      async () => {
        const runs = await runsOf(workflowId);
        return runs[0] && done(runs[0], runs) ? runs[0] : null;
      },
      { timeoutMs: 90_000, describe: async () => `runs ${JSON.stringify(await runsOf(workflowId))}; step jobs ${JSON.stringify(await stepJobs())}` },
    );

  it("keeps what two deliveries about one record tell at the same moment: neither merge of the record's snapshot loses the other's fields", async () => {
    const recordId = `q-merge-${randomBytes(3).toString('hex')}`;
    await inContext(() => worker.get(PropertyStore).rememberRecord('quote', recordId, { status: 'draft', ownerId: repId }));
    // Two transactions merge at once (a quote event and its approval round's event), each holding its
    // own view of the snapshot until it commits.
    const merge = (fields: Record<string, unknown>, hold: Promise<void>) =>
      orm.em.fork().transactional(async (em) => {
        await RequestContext.create(em, async () => {
          await worker.get(PropertyStore).snapshot('quote', recordId);
          await worker.get(PropertyStore).rememberRecord('quote', recordId, fields);
        });
        await hold;
      });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = merge({ status: 'pending_approval' }, held);
    const second = merge({ approverIds: ['u-max'], approver: 'u-max' }, Promise.resolve());
    setTimeout(release, 200);
    await Promise.all([first, second]);
    const snapshot = await inContext(() => worker.get(PropertyStore).snapshot('quote', recordId));
    expect(snapshot).toMatchObject({ status: 'pending_approval', ownerId: repId, approverIds: ['u-max'], approver: 'u-max' });
  });

  it('runs a three-step workflow end to end when a quote event matches: task, property, notification', async () => {
    const workflow = await createWorkflow({
      name: 'Three steps',
      conditions: [{ property: 'total', operator: 'gte', value: 500 }],
      actions: [
        { key: 'create_task', params: { assignee: 'owner', title: 'Share {{record.number}} with the buyer', notes: 'Total {{record.total}} {{record.currency}}' } },
        { key: 'set_property', params: { property: 'follow_up', value: 'needed' } },
        { key: 'send_notification', params: { recipient: 'owner', title: '{{record.title}} is live' } },
      ],
    });
    const quote = await submitQuote('Three-step quote');
    const run = await runWhen(workflow.id, (r, all) => all.length === 1 && r.run.status === 'succeeded');
    expect(run.steps.map((s) => [s.actionKey, s.status, s.attempts])).toEqual([
      ['create_task', 'succeeded', 1],
      ['set_property', 'succeeded', 1],
      ['send_notification', 'succeeded', 1],
    ]);
    const tasks = await sql<{ title: string; notes: string; assignee_id: string }>('select title, notes, assignee_id from tasks_task where related_id = ?', [quote.id]);
    expect(tasks).toEqual([{ title: `Share ${quote.number} with the buyer`, notes: 'Total 1000.00 EUR', assignee_id: repId }]);
    const properties = await sql('select name, value from workflows_record_property where record_id = ?', [quote.id]);
    expect(properties).toEqual([{ name: 'follow_up', value: 'needed' }]);
    const notifications = await sql('select title, recipient_user_id from notifications_notification');
    expect(notifications).toContainEqual({ title: 'Three-step quote is live', recipient_user_id: repId });

    // A redelivered step acts once: run step 0 again.
    await worker.get(WorkflowStepWorker).process({ data: { runId: run.run.id, index: 0 }, attemptsMade: 0, opts: { attempts: 3 } } as never);
    expect(await sql('select id from tasks_task where related_id = ?', [quote.id])).toHaveLength(1);
  });

  it('runs an action from an extension library (flag_discount) like a built-in one', async () => {
    const workflow = await createWorkflow({ name: 'Flag', actions: [{ key: 'flag_discount', params: { thresholdPercent: 15 } }] });
    const quote = await submitQuote('Flagged quote');
    await runWhen(workflow.id, (r) => r.run.status === 'succeeded');
    expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'discount_flag'])).toEqual([{ value: 'normal' }]);
  });

  it('does not enrol a quote whose conditions do not hold', async () => {
    const workflow = await createWorkflow({ name: 'Big quotes only', conditions: [{ property: 'total', operator: 'gt', value: 1_000_000 }], actions: [{ key: 'set_property', params: { property: 'big', value: 'yes' } }] });
    await submitQuote('Small quote');
    // Once the submission is handled (delivered to every subscriber, the workflows' included).
    await waitUntilQuiet({ database: database.url, queuePrefix });
    expect(await runsOf(workflow.id)).toEqual([]);
  });

  it('retries a failing webhook, then shows the step failed with its error; a retry from the failed step runs it again', async () => {
    const workflow = await createWorkflow({ name: 'Webhook', actions: [{ key: 'send_webhook', params: { url: webhookUrl, timeoutMs: 2000 } }] });
    await submitQuote('Webhook quote');
    const failed = await runWhen(workflow.id, (r) => r.run.status === 'failed');
    expect(failed.steps[0]).toMatchObject({ status: 'failed', attempts: 3, error: `POST ${webhookUrl} answered 500 Internal Server Error` });
    expect(webhookHits).toHaveLength(3);
    expect(webhookHits[0].signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(new Set(webhookHits.map((h) => h.delivery)).size).toBe(1);

    await inContext(() => worker.get(CommandBus).execute(new RetryWorkflowRunCommand(failed.run.id)));
    await waitUntil(async () => webhookHits.length >= 6 && (await runsOf(workflow.id))[0].run.status === 'failed', { timeoutMs: 90_000 });
    expect((await runsOf(workflow.id))[0].steps[0].attempts).toBe(6);
  }, 180_000);

  it('resumes after a wait, as a delayed job', async () => {
    const workflow = await createWorkflow({ name: 'Wait', actions: [{ key: 'wait', params: { seconds: 2 } }, { key: 'set_property', params: { property: 'after_wait', value: 'done' } }] });
    const quote = await submitQuote('Waiting quote');
    const run = await runWhen(workflow.id, (r) => r.run.status === 'succeeded');
    const [waitStep, next] = run.steps;
    expect(waitStep.resumeAt).not.toBeNull();
    expect(new Date(next.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(waitStep.resumeAt!).getTime());
    expect(new Date(next.startedAt!).getTime() - new Date(waitStep.finishedAt!).getTime()).toBeGreaterThanOrEqual(1_900);
    expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'after_wait'])).toEqual([{ value: 'done' }]);
  });

  it('queues a step again once it is overdue when Redis lost its delayed job', async () => {
    const workflow = await createWorkflow({ name: 'Lost wait', actions: [{ key: 'wait', params: { seconds: 5 } }, { key: 'set_property', params: { property: 'after_lost_wait', value: 'done' } }] });
    const quote = await submitQuote('Lost-wait quote');
    const waiting = await runWhen(workflow.id, (r) => r.steps[0].status === 'succeeded');
    // What a Redis restarted without its data does to the wait: the delayed job is gone.
    const queue = new Queue(WORKFLOW_STEPS_QUEUE, { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    const job = await queue.getJob(`${waiting.run.id}@1`);
    expect(await job?.getState()).toBe('delayed');
    await job!.remove();
    await queue.close();

    const run = await runWhen(workflow.id, (r) => r.run.status === 'succeeded');
    expect(run.steps.map((s) => [s.actionKey, s.status, s.attempts])).toEqual([
      ['wait', 'succeeded', 1],
      ['set_property', 'succeeded', 1],
    ]);
    // Not before the wait was over plus the acknowledgement timeout (3 s here).
    expect(new Date(run.steps[1].startedAt!).getTime() - new Date(run.steps[0].resumeAt!).getTime()).toBeGreaterThanOrEqual(2_900);
    expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'after_lost_wait'])).toEqual([{ value: 'done' }]);
  });

  it('queues a step again when its attempt began and its job was lost (a worker died, then Redis came back empty)', async () => {
    const workflow = await createWorkflow({ name: 'Lost attempt', actions: [{ key: 'wait', params: { seconds: 5 } }, { key: 'set_property', params: { property: 'after_lost_attempt', value: 'done' } }] });
    const quote = await submitQuote('Lost-attempt quote');
    const waiting = await runWhen(workflow.id, (r) => r.steps[0].status === 'succeeded');
    // The state a worker leaves when it dies mid-attempt: the step running, one attempt counted;
    // and a Redis restarted without its data has no job for it any more.
    const queue = new Queue(WORKFLOW_STEPS_QUEUE, { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    await (await queue.getJob(`${waiting.run.id}@1`))!.remove();
    await queue.close();
    await sql("update workflows_run_step set status = 'running', attempts = 1, started_at = ? where run_id = ? and \"index\" = 1", [new Date(), waiting.run.id]);

    const run = await runWhen(workflow.id, (r) => r.run.status === 'succeeded');
    expect(run.steps.map((s) => [s.actionKey, s.status, s.attempts])).toEqual([
      ['wait', 'succeeded', 1],
      ['set_property', 'succeeded', 2],
    ]);
    expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'after_lost_attempt'])).toEqual([{ value: 'done' }]);
  });

  it('runs a step whose job arrived before its run was committed (enrolment queues it inside its transaction)', async () => {
    const workflow = await createWorkflow({ name: 'Slow commit', trigger: { type: 'event', eventName: 'quotes.quote.signed.v1' }, actions: [{ key: 'set_property', params: { property: 'after_slow_commit', value: 'done' } }] });
    const quote = await submitQuote('Slow-commit quote');
    const run = WorkflowRun.enrol({ workflowId: workflow.id, workflowName: workflow.name, recordType: 'quote', recordId: quote.id, triggerEventId: `test-${randomBytes(4).toString('hex')}`, context: {} });
    const queue = new Queue(WORKFLOW_STEPS_QUEUE, { connection: { url: TEST_REDIS_URL } as never, prefix: queuePrefix });
    try {
      await orm.em.fork().transactional((tx) =>
        RequestContext.create(tx, async () => {
          await worker.get(RunRepository).saveRun(run, WorkflowRunStep.plan(run.id, workflow.actions));
          await worker.get(StepScheduler).schedule(run.id, 0);
          // The job is taken while the run is not committed (the worker puts it back for a moment).
          await waitUntil(async () => (await queue.getJob(`${run.id}@0`))?.processedOn, { timeoutMs: 20_000, describe: async () => JSON.stringify(await stepJobs()) });
        }),
      );
      await runWhen(workflow.id, (r) => r.run.status === 'succeeded');
      expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'after_slow_commit'])).toEqual([{ value: 'done' }]);
      // Its own job ran it once the run was there; the overdue sweep did not have to queue another.
      expect(await queue.getJob(`${run.id}@0@swept`)).toBeUndefined();
    } finally {
      await queue.close();
    }
  });

  it('reacts to a property change, and enrols a record once under the "never" re-enrolment rule', async () => {
    const once = await createWorkflow({
      name: 'Once per quote',
      trigger: { type: 'property_changes', property: 'stage_marker' },
      reenrollment: 'never',
      actions: [{ key: 'set_property', params: { property: 'enrolled', value: 'yes' } }],
    });
    const quote = await submitQuote('Marked quote');
    const setMarker = (value: string) => orm.em.fork().transactional((em) => RequestContext.create(em, () => worker.get(PropertyStore).set('quote', quote.id, 'stage_marker', value, null, null)));
    await setMarker('first');
    await runWhen(once.id, (r) => r.run.status === 'succeeded');
    await setMarker('second');
    // Other tests' workflows set other properties on this quote too; count only these two.
    await waitUntil(async () => (await sql("select count(*)::int as n from messaging_inbox i join messaging_outbox o on o.id = i.event_id where i.subscriber = 'workflows' and o.name = 'workflows.property.changed.v1' and o.aggregate_id = ? and o.payload->>'property' in ('stage_marker', 'enrolled')", [quote.id]))[0]['n'] === 3, { timeoutMs: 90_000 });
    expect((await runsOf(once.id)).length).toBe(1);
    expect(await sql('select value from workflows_record_property where record_id = ? and name = ?', [quote.id, 'enrolled'])).toEqual([{ value: 'yes' }]);
  });
});
