import { uuidv7 } from '@qa/shared-kernel';
import type { WorkflowActionSpec } from './workflow-definition';

export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** What a step's action answered: its output, and for a wait, when the run goes on. */
export interface StepResult {
  output?: Record<string, unknown>;
  resumeAt?: Date;
}

/** One action of a run: planned at enrolment from the workflow's actions, attempted until it succeeds or fails for good. */
export class WorkflowRunStep {
  id!: string;
  runId!: string;
  index!: number;
  actionKey!: string;
  params!: Record<string, unknown>;
  status!: StepStatus;
  attempts!: number;
  startedAt!: Date | null;
  finishedAt!: Date | null;
  /** For a wait: when the run goes on. */
  resumeAt!: Date | null;
  error!: string | null;
  output!: Record<string, unknown> | null;

  static plan(runId: string, actions: WorkflowActionSpec[]): WorkflowRunStep[] {
    return actions.map((action, index) =>
      Object.assign(new WorkflowRunStep(), {
        id: uuidv7(),
        runId,
        index,
        actionKey: action.key,
        params: action.params,
        status: 'pending' as const,
        attempts: 0,
        startedAt: null,
        finishedAt: null,
        resumeAt: null,
        error: null,
        output: null,
      }),
    );
  }

  /** Succeeded or failed for good: nothing more to do for it. */
  isFinished(): boolean {
    return this.status === 'succeeded' || this.status === 'failed';
  }

  /** The key actions use to act once per step (task and notification source keys, webhook delivery id). */
  sourceKey(): string {
    return `wf:${this.runId}:${this.index}`;
  }

  /** An attempt starts: counted, and timed (the sweep for lost retries measures from the latest start). */
  begin(now: Date): void {
    this.status = 'running';
    this.attempts += 1;
    this.startedAt = now;
  }

  succeed(result: StepResult, now: Date): void {
    this.status = 'succeeded';
    this.finishedAt = now;
    this.resumeAt = result.resumeAt ?? null;
    this.output = result.output ?? null;
    this.error = null;
  }

  /** An attempt failed: back to pending for the next one, or failed for good after the last. */
  fail(error: string, final: boolean, now: Date): void {
    this.error = error;
    this.status = final ? 'failed' : 'pending';
    if (final) this.finishedAt = now;
  }

  /** A failed step is tried again (an admin retried the run). */
  reopen(): void {
    this.status = 'pending';
    this.finishedAt = null;
  }
}
