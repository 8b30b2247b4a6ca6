import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { MessagingSettings, runInMessageContext } from '@qa/shared-messaging';
import {
  BeginStepCommand,
  FindNextStepQuery,
  ListOverdueStepsQuery,
  RecordStepFailureCommand,
  RunStepCommand,
  StepScheduler,
  type OverdueStep,
  type StepOutcome,
} from '@qa/workflows-application';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';

/** Queue of workflow steps. Changing the name strands the steps waiting under the old one. */
export const WORKFLOW_STEPS_QUEUE = 'workflows.steps';
export const RUN_STEP_JOB = 'run-step';
/** How long a step waits before looking again whether the record's earlier runs are done. */
const ORDER_WAIT_MS = 100;

interface StepJob {
  runId: string;
  index: number;
}

@Injectable()
export class BullStepScheduler extends StepScheduler implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(private readonly settings: MessagingSettings) {
    super();
  }

  private stepQueue(): Queue {
    // Commands wait for the connection (a fresh queue is not connected yet) but fail after a retry.
    this.queue ??= new Queue(WORKFLOW_STEPS_QUEUE, { connection: { url: this.settings.redisUrl, maxRetriesPerRequest: 1 } as never, prefix: this.settings.queuePrefix });
    return this.queue;
  }

  async schedule(runId: string, index: number, options: { at?: Date; jobSuffix?: string } = {}): Promise<void> {
    const delay = options.at ? Math.max(0, options.at.getTime() - Date.now()) : 0;
    await this.stepQueue().add(RUN_STEP_JOB, { runId, index } satisfies StepJob, {
      // One job per step (and per retry): a redelivered event or a crash between steps schedules it once.
      jobId: `${runId}@${index}${options.jobSuffix ? `@${options.jobSuffix}` : ''}`,
      delay,
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: 3_600, count: 10_000 },
      removeOnFail: { age: 14 * 24 * 3_600 },
    });
  }

  async requeueOverdue({ runId, index, retried }: OverdueStep): Promise<'queued' | 'promoted' | 'already-queued'> {
    const queue = this.stepQueue();
    const stepJobId = `${runId}@${index}`;
    // The step's own job, and the one an earlier sweep queued in its place.
    const jobs = (await Promise.all([queue.getJob(stepJobId), queue.getJob(`${stepJobId}@swept`)])).filter((job): job is Job => !!job);
    const states = await Promise.all(jobs.map((job) => job.getState()));
    const delayed = jobs.find((_, i) => states[i] === 'delayed');
    if (delayed && !retried) {
      await delayed.promote();
      return 'promoted';
    }
    if (states.some((state) => state !== 'completed' && state !== 'failed' && state !== 'unknown')) return 'already-queued';
    // Lost (Redis came back without it), or ended without moving the run on: a fresh job, which
    // finds the step's state in the database and acts on it once.
    if (!jobs.length) {
      await this.schedule(runId, index);
    } else {
      await jobs.find((job) => job.id === `${stepJobId}@swept`)?.remove();
      await this.schedule(runId, index, { jobSuffix: 'swept' });
    }
    return 'queued';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}

/**
 * Runs workflow steps in the worker through the engine's use cases (BeginStep, RunStep,
 * RecordStepFailure): each attempt is counted in its own transaction, the action runs in another
 * with the step's result, and the next step is scheduled after that commits (a
 * wait schedules it delayed). A failure is recorded on the step and retried with back-off; after
 * the last attempt the step and its run are failed (and the job stays in the failed set).
 */
@Injectable()
export class WorkflowStepWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkflowSteps');
  private worker?: Worker;
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly orm: MikroORM,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scheduler: StepScheduler,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.processors) return;
    // A safety net beside BullMQ: a step whose job was lost (Redis restarted empty) or is stuck is
    // queued again once it is overdue by the acknowledgement timeout, as the relay does for events.
    this.sweeper = setInterval(() => void this.requeueOverdueSteps().catch((error) => this.logger.warn(`overdue-step sweep failed: ${error instanceof Error ? error.message : String(error)}`)), Math.max(250, Math.floor(this.settings.ackTimeoutMs / 2)));
    this.sweeper.unref();
    this.worker = new Worker(WORKFLOW_STEPS_QUEUE, (job: Job<StepJob>, token?: string) => this.process(job, token), {
      connection: { url: this.settings.redisUrl, maxRetriesPerRequest: null } as never,
      prefix: this.settings.queuePrefix,
      concurrency: this.settings.concurrency,
      lockDuration: this.settings.stalledAfterMs,
      stalledInterval: this.settings.stalledAfterMs,
      // A step whose worker died is run again, as event deliveries are (the default, 1, fails it).
      maxStalledCount: 5,
    });
    this.worker.on('error', (error) => this.logger.warn(error.message));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.worker?.close();
  }

  /** Queues again the steps overdue by more than the acknowledgement timeout; returns how many it touched. */
  async requeueOverdueSteps(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const overdue = await RequestContext.create(this.orm.em.fork(), () => this.queries.execute(new ListOverdueStepsQuery(this.settings.ackTimeoutMs)));
      let touched = 0;
      for (const step of overdue) {
        const outcome = await this.scheduler.requeueOverdue(step);
        if (outcome === 'already-queued') continue;
        touched += 1;
        this.logger.warn(`step ${step.index} of run ${step.runId} was overdue by more than ${this.settings.ackTimeoutMs} ms: ${outcome}`);
      }
      return touched;
    } finally {
      this.sweeping = false;
    }
  }

  private inTransaction<T>(work: () => Promise<T>, correlationId: string): Promise<T> {
    const em = this.orm.em.fork();
    return RequestContext.create(em, () => runInMessageContext({ actor: { type: 'workflow', id: null }, correlationId }, () => em.transactional(() => work())));
  }

  async process(job: Job<StepJob>, token?: string): Promise<void> {
    const { runId, index } = job.data;
    const begun = await this.inTransaction(() => this.commands.execute(new BeginStepCommand(runId, index)), runId);
    if (typeof begun === 'object') {
      // Came before the previous step's wait is over (a promoted or forged job): back until then.
      if (!token) throw new Error(`step ${index} of run ${runId} may not start before ${begun.notBefore.toISOString()}`);
      this.logger.warn(`step job ${job.id} came before its wait is over; delayed until ${begun.notBefore.toISOString()}`);
      await job.moveToDelayed(begun.notBefore.getTime(), token);
      throw new DelayedError();
    }
    // An earlier run of the record goes first, or the run is not committed yet (its enrolment
    // queued this job inside its transaction): back to the queue for a moment, without using up
    // an attempt (as event deliveries do). A run still missing after the acknowledgement timeout
    // was rolled back: nothing to do. Without a lock token (a direct call) it retries.
    const runMayBeComing = begun === 'missing' && Date.now() - job.timestamp < this.settings.ackTimeoutMs;
    if (begun === 'wait' || runMayBeComing) {
      if (!token) throw new Error(`step ${index} of run ${runId} waits for ${begun === 'wait' ? 'an earlier run of its record' : 'its run to be committed'}`);
      await job.moveToDelayed(Date.now() + ORDER_WAIT_MS, token);
      throw new DelayedError();
    }
    if (begun === 'missing') {
      this.logger.warn(`rejected step job ${job.id}: run ${runId} does not exist`);
      return;
    }
    if (begun === 'not-at-step') {
      this.logger.warn(`rejected step job ${job.id}: run ${runId} does not stand at step ${index}`);
      return;
    }
    if (begun === 'skip') {
      // Already done (a redelivery, or a retry after the next step could not be scheduled):
      // make sure the run goes on. Scheduling is idempotent by job id.
      const next = await this.inTransaction(() => this.queries.execute(new FindNextStepQuery(runId, index)), runId);
      if (next) await this.scheduler.schedule(runId, next.index, { at: next.at });
      return;
    }
    let outcome: StepOutcome;
    try {
      outcome = await this.inTransaction(() => this.commands.execute(new RunStepCommand(runId, index)), runId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.inTransaction(() => this.commands.execute(new RecordStepFailureCommand(runId, index, message, final)), runId);
      throw error;
    }
    // The step has succeeded (committed). If the next one cannot be queued now (Redis is gone),
    // the job fails and its retry finds the step done and queues the next; the sweep is the net.
    if (outcome.next) await this.scheduler.schedule(runId, outcome.next.index, { at: outcome.next.at });
  }
}
