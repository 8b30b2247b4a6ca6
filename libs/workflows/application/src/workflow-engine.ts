import { Injectable, Logger } from '@nestjs/common';
import type { QuoteEventPayload } from '@qa/quotes-contracts';
import { formatMinor, type IntegrationEvent } from '@qa/shared-kernel';
import { PropertyChanged, type PropertyChangedPayload } from '@qa/workflows-contracts';
import { conditionsHold, matchesTrigger, renderTemplate, WorkflowErrors, WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';
import { ActionRegistry } from './action-registry';
import { ActionFailure } from './actions/built-in.actions';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository, type OverdueStep } from './ports';

/** The record an event is about, and what it tells of the record's properties. */
export function recordOf(event: IntegrationEvent): { recordType: string; recordId: string; fields: Record<string, unknown> } | null {
  if (event.name === PropertyChanged.name) {
    const p = event.payload as PropertyChangedPayload;
    return { recordType: p.recordType, recordId: p.recordId, fields: {} };
  }
  if (event.aggregateType === 'approval-request') {
    const p = event.payload as { quoteId: string; approverIds: string[]; round: number; notes: string | null; decidedBy: string | null };
    return {
      recordType: 'quote',
      recordId: p.quoteId,
      fields: { approver: p.approverIds[0] ?? null, approverIds: p.approverIds, approvalRound: p.round, approvalNotes: p.notes, approvalDecidedBy: p.decidedBy },
    };
  }
  if (event.aggregateType === 'quote') {
    const p = event.payload as QuoteEventPayload;
    return {
      recordType: 'quote',
      recordId: p.quoteId,
      fields: {
        status: p.status,
        number: p.number,
        title: p.title,
        ownerId: p.ownerId,
        dealId: p.dealId,
        currency: p.currency,
        expiresOn: p.expiresOn,
        totalMinor: p.totalMinor,
        total: formatMinor(p.totalMinor, p.currency),
        effectiveDiscountPercent: (p.effectiveDiscountBp / 100).toFixed(2),
        largestLineDiscountPercent: (p.largestLineDiscountBp / 100).toFixed(2),
      },
    };
  }
  return null;
}

export interface StepOutcome {
  /** The next step to schedule, if any, and when. */
  next: { index: number; at?: Date } | null;
}

/**
 * The engine: enrols records in matching workflows (one run per workflow and event, steps planned
 * from the actions), and runs a step. Transactions are the caller's (the worker's queue handlers).
 */
@Injectable()
export class WorkflowEngine {
  private readonly logger = new Logger('WorkflowEngine');

  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
    private readonly properties: PropertyStore,
    private readonly actions: ActionRegistry,
    private readonly scheduler: StepScheduler,
  ) {}

  /** Matches an event against the enabled workflows; returns the runs started (their first step is scheduled). */
  async enrol(event: IntegrationEvent): Promise<WorkflowRun[]> {
    const record = recordOf(event);
    if (!record) return [];
    if (Object.keys(record.fields).length) await this.properties.rememberRecord(record.recordType, record.recordId, record.fields);
    // Most events start nothing: the record's snapshot is read only when a trigger matches.
    const triggered = (await this.workflows.listEnabled(record.recordType)).filter((workflow) => matchesTrigger(workflow.trigger, event));
    if (!triggered.length) return [];
    const snapshot = await this.properties.snapshot(record.recordType, record.recordId);
    const started: WorkflowRun[] = [];
    for (const workflow of triggered) {
      if (!conditionsHold(workflow.conditions, snapshot)) continue;
      if (await this.runs.hasRunForEvent(workflow.id, event.id)) continue;
      if (workflow.reenrollment === 'never' && (await this.runs.hasEnrolment(workflow.id, record.recordType, record.recordId))) continue;
      const run = WorkflowRun.enrol({
        workflowId: workflow.id,
        workflowName: workflow.name,
        recordType: record.recordType,
        recordId: record.recordId,
        triggerEventId: event.id,
        context: { event: { name: event.name, id: event.id, occurredAt: event.occurredAt, payload: event.payload, actor: event.actor } },
      });
      await this.runs.saveRun(run, WorkflowRunStep.plan(run.id, workflow.actions));
      started.push(run);
    }
    // Scheduling is idempotent (job id per step). A job that arrives before this transaction commits
    // waits for the run; one whose delivery rolled back finds no run and ends (WorkflowStepWorker).
    for (const run of started) await this.scheduler.schedule(run.id, 0);
    return started;
  }

  /**
   * Starts an attempt of a step, in one transaction (its own, so failures keep the count):
   * 'skip' when there is nothing to do (the run is over, or the step is done), 'wait' when a run
   * of the same record enrolled by an earlier event is still going and not waiting out a `wait`
   * (runs of one record act in the order of their events: so "approved" cannot complete an
   * approval task that "needs approval" has not created yet), 'missing' when there is no such run
   * (yet: enrolment queues the first step inside its transaction, so the job can arrive before the
   * run commits; or never, if that transaction rolled back), else 'run': the step is marked
   * running and the attempt counted. 'not-at-step' when the run does not stand at that step (an
   * earlier step is not done): a forged or stale job, not acted on; `{ notBefore }` when the
   * previous step's wait is not over (a job that came early goes back until then).
   */
  async beginStep(runId: string, index: number): Promise<'run' | 'skip' | 'wait' | 'missing' | 'not-at-step' | { notBefore: Date }> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || !step) return 'missing';
    if (found.run.status !== 'running' || step.status === 'succeeded' || step.status === 'failed') return 'skip';
    const now = new Date();
    // The job is a hint: only the step the run stands at runs, and not before a wait is over.
    if (!WorkflowRun.isAtStep(found.run, found.steps, index)) return 'not-at-step';
    const notBefore = WorkflowRun.resumesAt(found.steps, index, now);
    if (notBefore) return { notBefore };
    if (await this.runs.hasEarlierActiveRun(found.run, now)) return 'wait';
    step.status = 'running';
    step.attempts += 1;
    // The latest attempt's start: the sweep for lost retries measures from it.
    step.startedAt = now;
    await this.runs.saveStep(step);
    return 'run';
  }

  /** Runs the step's action; records its output and plans the next step, in the caller's transaction. */
  async executeStep(runId: string, index: number): Promise<StepOutcome> {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    const { run, steps } = found;
    const step = steps.find((s) => s.index === index)!;
    if (step.status === 'succeeded') return { next: this.nextOf(steps, index, null) };
    const action = this.actions.get(step.actionKey);
    if (!action) throw new ActionFailure(`No action ${step.actionKey} is installed`);
    const record = await this.properties.snapshot(run.recordType, run.recordId);
    const templateContext = { record, event: run.context['event'], run: { id: run.id, workflow: run.workflowName } };
    const result = await action.execute(step.params, {
      run,
      step,
      record,
      templateContext,
      sourceKey: step.sourceKey(),
      render: (template) => (typeof template === 'string' ? renderTemplate(template, templateContext) : template === undefined || template === null ? '' : String(template)),
    });
    step.status = 'succeeded';
    step.finishedAt = new Date();
    step.resumeAt = result.resumeAt ?? null;
    step.output = result.output ?? null;
    step.error = null;
    await this.runs.saveStep(step);
    const next = this.nextOf(steps, index, result.resumeAt ?? null);
    if (!next) {
      run.status = 'succeeded';
      run.finishedAt = new Date();
      await this.runs.saveRun(run, []);
    }
    return { next };
  }

  /** The step after a succeeded one, while the run is running (null otherwise). */
  async nextAfter(runId: string, index: number): Promise<StepOutcome['next']> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || found.run.status !== 'running' || step?.status !== 'succeeded') return null;
    const next = found.steps.find((s) => s.index === index + 1);
    if (!next || next.status === 'succeeded' || next.status === 'failed') return null;
    return { index: next.index, ...(step.resumeAt ? { at: new Date(step.resumeAt) } : {}) };
  }

  /** Records a failed attempt; `final` marks the step and the run failed (the failed set's twin). */
  async recordFailure(runId: string, index: number, error: string, final: boolean): Promise<void> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || !step) return;
    step.error = error;
    step.status = final ? 'failed' : 'pending';
    if (final) step.finishedAt = new Date();
    await this.runs.saveStep(step);
    if (final) {
      found.run.status = 'failed';
      found.run.finishedAt = new Date();
      await this.runs.saveRun(found.run, []);
      this.logger.warn(`run ${runId} failed at step ${index}: ${error}`);
    }
  }

  /** Steps that should have moved on `graceMs` ago and have not (their job was lost or stuck). */
  overdueSteps(graceMs: number, limit = 100): Promise<OverdueStep[]> {
    return this.runs.findOverdueSteps(new Date(Date.now() - graceMs), limit);
  }

  /** Retries a failed run from its failed step. */
  async retryRun(runId: string): Promise<void> {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    const failed = found.steps.find((s) => s.status === 'failed');
    if (found.run.status !== 'failed' || !failed) throw WorkflowErrors.runNotFailed(runId);
    failed.status = 'pending';
    failed.finishedAt = null;
    found.run.status = 'running';
    found.run.finishedAt = null;
    await this.runs.saveStep(failed);
    await this.runs.saveRun(found.run, []);
    await this.scheduler.schedule(runId, failed.index, { jobSuffix: `retry-${failed.attempts}` });
  }

  private nextOf(steps: WorkflowRunStep[], index: number, at: Date | null): StepOutcome['next'] {
    return steps.some((s) => s.index === index + 1) ? { index: index + 1, ...(at ? { at } : {}) } : null;
  }
}
