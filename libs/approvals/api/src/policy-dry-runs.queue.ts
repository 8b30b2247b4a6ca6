import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PolicyDryRunQueue, PolicyDryRunSettings, RunPolicyDryRunCommand } from '@qa/approvals-application';
import { MessagingSettings, runInMessageContext } from '@qa/shared-messaging';
import { Queue, Worker, type Job } from 'bullmq';

/** Queue of dry runs of a draft approval policy (one job per run, job id = run id). */
export const POLICY_DRY_RUNS_QUEUE = 'approvals.dry-runs';
const RUN_JOB = 'run';

interface DryRunJob {
  runId: string;
}

/** Quotes per page of a dry run: DRY_RUN_PAGE_SIZE (1–5000), 500 when not set. */
export function dryRunSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyDryRunSettings {
  const size = Number(env['DRY_RUN_PAGE_SIZE'] ?? 500);
  return new PolicyDryRunSettings(Number.isInteger(size) && size >= 1 && size <= 5_000 ? size : 500);
}

@Injectable()
export class BullPolicyDryRunQueue extends PolicyDryRunQueue implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(private readonly settings: MessagingSettings) {
    super();
  }

  async enqueue(runId: string): Promise<void> {
    this.queue ??= new Queue(POLICY_DRY_RUNS_QUEUE, { connection: { url: this.settings.redisUrl, maxRetriesPerRequest: 1 } as never, prefix: this.settings.queuePrefix });
    // Once: a run that failed is reported as failed, not run again.
    await this.queue.add(RUN_JOB, { runId } satisfies DryRunJob, { jobId: runId, attempts: 1, removeOnComplete: { age: 3_600, count: 1_000 }, removeOnFail: { age: 7 * 24 * 3_600 } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}

/**
 * Runs dry runs in the worker, one at a time: each job runs RunPolicyDryRun outside a transaction
 * (its progress after each page must be seen by the API while it runs; nothing else is written).
 */
@Injectable()
export class PolicyDryRunWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PolicyDryRuns');
  private worker?: Worker;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly orm: MikroORM,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.processors) return;
    this.worker = new Worker(POLICY_DRY_RUNS_QUEUE, (job: Job<DryRunJob>) => this.process(job), {
      connection: { url: this.settings.redisUrl, maxRetriesPerRequest: null } as never,
      prefix: this.settings.queuePrefix,
      concurrency: 1,
      lockDuration: this.settings.stalledAfterMs,
      stalledInterval: this.settings.stalledAfterMs,
      maxStalledCount: 1,
    });
    this.worker.on('error', (error) => this.logger.warn(error.message));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<DryRunJob>): Promise<string> {
    const { runId } = job.data;
    return RequestContext.create(this.orm.em.fork(), () => runInMessageContext({ actor: { type: 'system', id: null }, correlationId: runId }, () => this.commands.execute(new RunPolicyDryRunCommand(runId))));
  }
}
