import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApprovalTimerScheduler, FireApprovalTimerCommand, ListDueApprovalTimersQuery, type TimerFiring } from '@qa/approvals-application';
import { Clock } from '@qa/shared-kernel';
import { MessagingSettings, runInMessageContext } from '@qa/shared-messaging';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';

/** Queue of approval timers (reminders, escalations). Changing the name strands the timers waiting under the old one. */
export const APPROVAL_TIMERS_QUEUE = 'approvals.timers';
export const FIRE_TIMER_JOB = 'fire-timer';
/** How long a job whose timer row is not committed yet waits before it looks again. */
const NOT_COMMITTED_WAIT_MS = 100;
/** How often the sweep looks for due timers: half the acknowledgement timeout, between 250 ms and 5 s. */
const SWEEP_MS = (ackTimeoutMs: number) => Math.min(5_000, Math.max(250, Math.floor(ackTimeoutMs / 2)));

interface TimerJob {
  timerId: string;
}

/**
 * Timers as delayed BullMQ jobs, one per timer (job id = timer id: scheduling twice queues once),
 * due when the clock says the timer is due. The database row stays the truth: the job only asks
 * for it to fire.
 */
@Injectable()
export class BullApprovalTimerScheduler extends ApprovalTimerScheduler implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly clock: Clock,
  ) {
    super();
  }

  private timerQueue(): Queue {
    this.queue ??= new Queue(APPROVAL_TIMERS_QUEUE, { connection: { url: this.settings.redisUrl, maxRetriesPerRequest: 1 } as never, prefix: this.settings.queuePrefix });
    return this.queue;
  }

  async schedule(timer: { id: string; dueAt: Date }, jobId = timer.id): Promise<void> {
    await this.timerQueue().add(FIRE_TIMER_JOB, { timerId: timer.id } satisfies TimerJob, {
      jobId,
      delay: Math.max(0, new Date(timer.dueAt).getTime() - this.clock.now().getTime()),
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: 3_600, count: 10_000 },
      removeOnFail: { age: 14 * 24 * 3_600 },
    });
  }

  async unschedule(timerId: string): Promise<void> {
    for (const job of await this.jobsOf(timerId)) {
      // A job that is running now cannot be removed; it finds its timer ended and does nothing.
      if ((await job.getState()) === 'delayed') await job.remove().catch(() => undefined);
    }
  }

  /**
   * A timer that is due by the clock but not fired: its delayed job is promoted; if the job is gone
   * (Redis came back without it) or ended without firing it, a fresh one is queued beside it.
   */
  async requeueDue(timerId: string): Promise<'promoted' | 'queued' | 'already-queued'> {
    const jobs = await this.jobsOf(timerId);
    const states = await Promise.all(jobs.map((job) => job.getState()));
    const delayed = jobs.find((_, i) => states[i] === 'delayed');
    if (delayed) {
      await delayed.promote();
      return 'promoted';
    }
    if (states.some((state) => state !== 'completed' && state !== 'failed' && state !== 'unknown')) return 'already-queued';
    await jobs.find((job) => job.id === `${timerId}@swept`)?.remove();
    await this.schedule({ id: timerId, dueAt: this.clock.now() }, `${timerId}@swept`);
    return 'queued';
  }

  private async jobsOf(timerId: string): Promise<Job[]> {
    const queue = this.timerQueue();
    return (await Promise.all([queue.getJob(timerId), queue.getJob(`${timerId}@swept`)])).filter((job): job is Job => !!job);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}

/**
 * Fires approval timers in the worker: each job runs FireApprovalTimer in one transaction (the
 * round's reminder or escalation and the timer's end commit together). A sweep beside BullMQ
 * queues again, by the clock, timers that are due and not fired: lost jobs (Redis restarted empty)
 * and, in tests, timers brought due by moving the clock.
 */
@Injectable()
export class ApprovalTimerWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ApprovalTimers');
  private worker?: Worker;
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly orm: MikroORM,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scheduler: ApprovalTimerScheduler,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.processors) return;
    this.sweeper = setInterval(() => void this.requeueDueTimers().catch((error) => this.logger.warn(`due-timer sweep failed: ${error instanceof Error ? error.message : String(error)}`)), SWEEP_MS(this.settings.ackTimeoutMs));
    this.sweeper.unref();
    this.worker = new Worker(APPROVAL_TIMERS_QUEUE, (job: Job<TimerJob>, token?: string) => this.process(job, token), {
      connection: { url: this.settings.redisUrl, maxRetriesPerRequest: null } as never,
      prefix: this.settings.queuePrefix,
      concurrency: this.settings.concurrency,
      lockDuration: this.settings.stalledAfterMs,
      stalledInterval: this.settings.stalledAfterMs,
      // A timer whose worker died is run again (it fires once: the row says whether it has).
      maxStalledCount: 5,
    });
    this.worker.on('error', (error) => this.logger.warn(error.message));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.worker?.close();
  }

  /** Queues again the timers due by the clock and not fired; returns how many it touched. */
  async requeueDueTimers(): Promise<number> {
    if (this.sweeping || !(this.scheduler instanceof BullApprovalTimerScheduler)) return 0;
    this.sweeping = true;
    try {
      const due = await RequestContext.create(this.orm.em.fork(), () => this.queries.execute(new ListDueApprovalTimersQuery()));
      let touched = 0;
      for (const timer of due) {
        if ((await this.scheduler.requeueDue(timer.id)) !== 'already-queued') touched += 1;
      }
      return touched;
    } finally {
      this.sweeping = false;
    }
  }

  async process(job: Job<TimerJob>, token?: string): Promise<TimerFiring> {
    const { timerId } = job.data;
    const em = this.orm.em.fork();
    const outcome = await RequestContext.create(em, () =>
      runInMessageContext({ actor: { type: 'system', id: null }, correlationId: timerId }, () => em.transactional(() => this.commands.execute(new FireApprovalTimerCommand(timerId)))),
    );
    if (typeof outcome === 'object') {
      // Came before its time by the clock (a forged or early job): back until then.
      if (!token) return outcome;
      await job.moveToDelayed(Date.now() + Math.max(0, outcome.notBefore.getTime() - this.clock.now().getTime()), token);
      throw new DelayedError();
    }
    // Queued inside the transaction that writes the row: a moment until it is committed; after the
    // acknowledgement timeout the row never came (rolled back) and the job has nothing to do.
    if (outcome === 'missing' && token && Date.now() - job.timestamp < this.settings.ackTimeoutMs) {
      await job.moveToDelayed(Date.now() + NOT_COMMITTED_WAIT_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
