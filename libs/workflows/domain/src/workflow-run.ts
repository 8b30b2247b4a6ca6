import { uuidv7 } from '@qa/shared-kernel';
import { WorkflowErrors } from './workflow.errors';
import type { StepResult, WorkflowRunStep } from './workflow-run-step';

/**
 * `running`: a step is due or being attempted; `waiting`: the last step asked the run to wait (a
 * `wait` action) and the next step's job is delayed until `resumeAt`; `succeeded`: every step
 * did; `failed`: a step failed for good (an admin may retry it).
 */
export const RUN_STATUSES = ['running', 'waiting', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What may happen to a run; each is allowed from some statuses only (else WORKFLOWS.INVALID_RUN_TRANSITION). */
export const RUN_TRANSITIONS = ['beginStep', 'wait', 'succeed', 'fail', 'retry'] as const;
export type RunTransition = (typeof RUN_TRANSITIONS)[number];

const TRANSITIONS: Record<RunTransition, { from: readonly RunStatus[]; to: RunStatus }> = {
  /** An attempt of the step the run stands at begins (after a wait, the run goes on). */
  beginStep: { from: ['running', 'waiting'], to: 'running' },
  /** A step succeeded and asked the run to wait before the next one. */
  wait: { from: ['running'], to: 'waiting' },
  /** The last step succeeded. */
  succeed: { from: ['running'], to: 'succeeded' },
  /** A step failed for good. */
  fail: { from: ['running', 'waiting'], to: 'failed' },
  /** An admin retries a failed run from its failed step. */
  retry: { from: ['failed'], to: 'running' },
};

/** The step to schedule next, and when (after a wait). */
export interface NextStep {
  index: number;
  at?: Date;
}

/**
 * One enrolment of one record in one workflow; its steps are a snapshot of the actions then. The
 * run decides how it moves on (the transition table above); the engine's use cases call it.
 */
export class WorkflowRun {
  id!: string;
  workflowId!: string;
  workflowName!: string;
  recordType!: string;
  recordId!: string;
  /** The event that enrolled the record (one run per workflow and event). */
  triggerEventId!: string;
  /** Record properties and event data at enrolment, for templates and actions. */
  context!: Record<string, unknown>;
  status!: RunStatus;
  createdAt!: Date;
  finishedAt!: Date | null;

  static enrol(
    props: { workflowId: string; workflowName: string; recordType: string; recordId: string; triggerEventId: string; context: Record<string, unknown> },
    now: Date = new Date(),
  ): WorkflowRun {
    return Object.assign(new WorkflowRun(), { id: uuidv7(), ...props, status: 'running' as const, createdAt: now, finishedAt: null });
  }

  /** Whether `transition` is allowed from `status`. */
  static allows(transition: RunTransition, status: RunStatus): boolean {
    return TRANSITIONS[transition].from.includes(status);
  }

  /**
   * Whether the run stands at step `index`: it is going (running or waiting), every earlier step
   * has succeeded and the step itself is not finished. A step job is only a hint: a forged or
   * stale one for any other step is not acted on.
   */
  static isAtStep(run: Pick<WorkflowRun, 'status'>, steps: ReadonlyArray<Pick<WorkflowRunStep, 'index' | 'status'>>, index: number): boolean {
    if (!isGoing(run.status)) return false;
    const step = steps.find((s) => s.index === index);
    if (!step || step.status === 'succeeded' || step.status === 'failed') return false;
    const earlier = steps.filter((s) => s.index < index);
    return earlier.length === index && earlier.every((s) => s.status === 'succeeded');
  }

  /** When step `index` may start: after the previous step's wait, or null when it may start now. */
  static resumesAt(steps: ReadonlyArray<Pick<WorkflowRunStep, 'index' | 'resumeAt'>>, index: number, now: Date): Date | null {
    const resumeAt = steps.find((s) => s.index === index - 1)?.resumeAt;
    return resumeAt && new Date(resumeAt).getTime() > now.getTime() ? new Date(resumeAt) : null;
  }

  /** Running or waiting: not finished. */
  isGoing(): boolean {
    return isGoing(this.status);
  }

  /** An attempt of `step` begins: the run is running (again, after a wait), the attempt counted. */
  beginStep(step: WorkflowRunStep, now: Date): void {
    this.move('beginStep', now);
    step.begin(now);
  }

  /**
   * `step`'s action succeeded: its result is kept, and the run goes on (waiting first when the
   * action asked for it) or, after its last step, has succeeded. Returns the step to schedule next.
   */
  completeStep(steps: readonly WorkflowRunStep[], step: WorkflowRunStep, result: StepResult, now: Date): NextStep | null {
    step.succeed(result, now);
    const next = WorkflowRun.stepAfter(steps, step.index, result.resumeAt ?? null);
    if (!next) this.move('succeed', now);
    else if (next.at) this.move('wait', now);
    return next;
  }

  /** An attempt of `step` failed: the step is tried again, or after the last attempt it and the run have failed. */
  failStep(step: WorkflowRunStep, error: string, final: boolean, now: Date): void {
    step.fail(error, final, now);
    if (final && this.isGoing()) this.move('fail', now);
  }

  /** Retries a failed run from its failed step; returns that step (to schedule). */
  retry(steps: readonly WorkflowRunStep[], now: Date): WorkflowRunStep {
    const failed = steps.find((s) => s.status === 'failed');
    if (this.status !== 'failed' || !failed) throw WorkflowErrors.runNotFailed(this.id);
    this.move('retry', now);
    failed.reopen();
    return failed;
  }

  /** The step after `index`, if the run has one (at `at`, after a wait). */
  static stepAfter(steps: ReadonlyArray<Pick<WorkflowRunStep, 'index'>>, index: number, at: Date | null): NextStep | null {
    return steps.some((s) => s.index === index + 1) ? { index: index + 1, ...(at ? { at } : {}) } : null;
  }

  private move(transition: RunTransition, now: Date): void {
    if (!WorkflowRun.allows(transition, this.status)) throw WorkflowErrors.invalidRunTransition(this.id, transition, this.status);
    this.status = TRANSITIONS[transition].to;
    this.finishedAt = this.status === 'succeeded' || this.status === 'failed' ? now : null;
  }
}

function isGoing(status: RunStatus): boolean {
  return status === 'running' || status === 'waiting';
}
