import { uuidv7 } from '@qa/shared-kernel';
import type { WorkflowActionSpec } from './workflow-definition';

export type RunStatus = 'running' | 'succeeded' | 'failed';
export type StepStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed';

/** One enrolment of one record in one workflow; its steps are a snapshot of the actions then. */
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

  /**
   * Whether the run stands at step `index`: it is running, every earlier step has succeeded and the
   * step itself is not finished. A step job is only a hint: a forged or stale one for any other
   * step is not acted on.
   */
  static isAtStep(run: Pick<WorkflowRun, 'status'>, steps: ReadonlyArray<Pick<WorkflowRunStep, 'index' | 'status'>>, index: number): boolean {
    if (run.status !== 'running') return false;
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

  static enrol(props: { workflowId: string; workflowName: string; recordType: string; recordId: string; triggerEventId: string; context: Record<string, unknown> }): WorkflowRun {
    return Object.assign(new WorkflowRun(), { id: uuidv7(), ...props, status: 'running' as const, createdAt: new Date(), finishedAt: null });
  }
}

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

  /** The key actions use to act once per step (task and notification source keys, webhook delivery id). */
  sourceKey(): string {
    return `wf:${this.runId}:${this.index}`;
  }
}
