import { QuoteApproved, QuoteChangesRequested, QuoteCreated, QuoteExpired, QuotePublished, QuoteRecalled, QuoteSigned, QuoteSubmitted, QuoteUpdated, QuoteWithdrawn } from '@qa/quotes-contracts';
import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestDelegated, ApprovalRequestEscalated, ApprovalRequestOpened, ApprovalRequestReassigned, ApprovalRequestReminded, ApprovalRequestStepStarted } from '@qa/approvals-contracts';
import { Clock, IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { PropertyChanged } from '@qa/workflows-contracts';
import { conditionsHold, matchesTrigger, WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';
import { PropertyStore, RunRepository, StepScheduler, WorkflowRepository } from '../../ports/workflows.ports';
import { recordOf } from './record-of';

/**
 * Every quote event, approval-request event and property change is matched against the enabled
 * workflows: each whose trigger fires and whose conditions hold enrols the record (one run per
 * workflow and event; steps planned from its actions), and the run's first step is scheduled.
 */
@IntegrationEventsHandler(
  'workflows',
  QuoteCreated,
  QuoteUpdated,
  QuoteSubmitted,
  QuoteApproved,
  QuoteChangesRequested,
  QuotePublished,
  QuoteRecalled,
  QuoteWithdrawn,
  QuoteSigned,
  QuoteExpired,
  PropertyChanged,
  ApprovalRequestOpened,
  ApprovalRequestStepStarted,
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestDelegated,
  ApprovalRequestReassigned,
  ApprovalRequestReminded,
  ApprovalRequestEscalated,
)
export class EnrolRecordsWhenEventHandler implements IntegrationEventHandler {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
    private readonly properties: PropertyStore,
    private readonly scheduler: StepScheduler,
    private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent): Promise<void> {
    const record = recordOf(event);
    if (!record) return;
    if (Object.keys(record.fields).length) await this.properties.rememberRecord(record.recordType, record.recordId, record.fields);
    // Most events start nothing: the record's snapshot is read only when a trigger matches.
    const triggered = (await this.workflows.listEnabled(record.recordType)).filter((workflow) => matchesTrigger(workflow.trigger, event));
    if (!triggered.length) return;
    const snapshot = await this.properties.snapshot(record.recordType, record.recordId);
    const started: WorkflowRun[] = [];
    for (const workflow of triggered) {
      if (!conditionsHold(workflow.conditions, snapshot)) continue;
      if (await this.runs.hasRunForEvent(workflow.id, event.id)) continue;
      if (workflow.reenrollment === 'never' && (await this.runs.hasEnrolment(workflow.id, record.recordType, record.recordId))) continue;
      const run = WorkflowRun.enrol(
        {
          workflowId: workflow.id,
          workflowName: workflow.name,
          recordType: record.recordType,
          recordId: record.recordId,
          triggerEventId: event.id,
          context: { event: { name: event.name, id: event.id, occurredAt: event.occurredAt, payload: event.payload, actor: event.actor } },
        },
        this.clock.now(),
      );
      await this.runs.saveRun(run, WorkflowRunStep.plan(run.id, workflow.actions));
      started.push(run);
    }
    // Scheduling is idempotent (job id per step). A job that arrives before this transaction commits
    // waits for the run; one whose delivery rolled back finds no run and ends (WorkflowStepWorker).
    for (const run of started) await this.scheduler.schedule(run.id, 0);
  }
}
