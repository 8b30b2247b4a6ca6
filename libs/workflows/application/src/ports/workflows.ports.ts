import type { PropertyValue } from '@qa/workflows-contracts';
import type { RecordProperty, RecordPropertyChange, WorkflowDefinition, WorkflowRun, WorkflowRunStep, WorkflowVersion } from '@qa/workflows-domain';

export abstract class WorkflowRepository {
  abstract findById(id: string): Promise<WorkflowDefinition | null>;
  abstract list(): Promise<WorkflowDefinition[]>;
  abstract listEnabled(objectType: string): Promise<WorkflowDefinition[]>;
  /** Saves the workflow and, when given, writes `version` (numbered here: the workflow's version after the save) in the same transaction. */
  abstract save(workflow: WorkflowDefinition, version?: WorkflowVersion): Promise<void>;
}

/** Workflows' saved versions: written only with a save of the workflow, never changed or deleted. */
export abstract class WorkflowVersionRepository {
  /** A workflow's versions newest first, those numbered below `before` (null: from the newest), at most `limit`. */
  abstract list(workflowId: string, before: number | null, limit: number): Promise<WorkflowVersion[]>;
  abstract get(workflowId: string, version: number): Promise<WorkflowVersion | null>;
}

export interface RunWithSteps {
  run: WorkflowRun;
  steps: WorkflowRunStep[];
}

export interface OverdueStep {
  runId: string;
  index: number;
  /** The step was attempted before: a delayed job is its back-off, not a stuck start. */
  retried: boolean;
}

export abstract class RunRepository {
  abstract findRun(id: string): Promise<RunWithSteps | null>;
  abstract listRuns(workflowId: string, limit: number): Promise<RunWithSteps[]>;
  abstract countRuns(workflowIds: string[]): Promise<Record<string, number>>;
  abstract hasEnrolment(workflowId: string, recordType: string, recordId: string): Promise<boolean>;
  abstract hasRunForEvent(workflowId: string, eventId: string): Promise<boolean>;
  abstract saveRun(run: WorkflowRun, steps: WorkflowRunStep[]): Promise<void>;
  abstract saveStep(step: WorkflowRunStep): Promise<void>;
  abstract findStep(runId: string, index: number): Promise<WorkflowRunStep | null>;
  /**
   * Steps of running runs that should have moved on before `dueBefore` and have not: a first
   * step not yet attempted, the step after a succeeded one (after its wait, if it had one), or a
   * step whose latest attempt started before then and neither succeeded nor failed for good (its
   * retry, or the job of a worker that died, may have been lost with Redis). `retried` tells which.
   */
  abstract findOverdueSteps(dueBefore: Date, limit: number): Promise<OverdueStep[]>;
  /**
   * Whether a run of the same record, enrolled by an earlier event, is still running and not
   * waiting out a `wait` step: this run's steps go after it.
   */
  abstract hasEarlierActiveRun(run: WorkflowRun, now: Date): Promise<boolean>;
}

/** Record properties and the latest snapshot of each record, as events told the workflows context. */
export abstract class PropertyStore {
  abstract snapshot(recordType: string, recordId: string): Promise<Record<string, unknown>>;
  abstract rememberRecord(recordType: string, recordId: string, fields: Record<string, unknown>): Promise<void>;
  abstract properties(recordType: string, recordId: string): Promise<RecordProperty[]>;
  abstract history(recordType: string, recordId: string): Promise<RecordPropertyChange[]>;
  /** Sets a value (recording the change and a PropertyChanged event) unless it already has it. */
  abstract set(recordType: string, recordId: string, name: string, value: PropertyValue, by: string | null, runId: string | null): Promise<boolean>;
}

/** Schedules a step on the step queue (delayed when `at` is in the future). */
export abstract class StepScheduler {
  abstract schedule(runId: string, index: number, options?: { at?: Date; jobSuffix?: string }): Promise<void>;
  /**
   * Makes sure an overdue step's job is on the queue: queues it when the queue lost it (or the
   * job ended without moving the step on), promotes it when it is still delayed (unless the step
   * was attempted before: then the delay is its back-off). Says what it did.
   */
  abstract requeueOverdue(step: OverdueStep): Promise<'queued' | 'promoted' | 'already-queued'>;
}
