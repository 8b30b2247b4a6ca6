import { WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';
import type { MemoryRuns } from './in-memory-workflows';

/** A run of `actions` on quote q-1 enrolled by event `eventId`, saved in `runs`. */
export async function savedRun(runs: MemoryRuns, actions: string[], options: { eventId?: string; now?: Date; recordId?: string } = {}) {
  const run = WorkflowRun.enrol(
    {
      workflowId: 'wf-1',
      workflowName: 'Approvals',
      recordType: 'quote',
      recordId: options.recordId ?? 'q-1',
      triggerEventId: options.eventId ?? 'e-2',
      context: { event: { name: 'quotes.quote.submitted.v1', payload: { notes: 'Lower the discount' } } },
    },
    options.now,
  );
  const steps = WorkflowRunStep.plan(run.id, actions.map((key) => ({ key, params: { title: 'Review {{record.number}}: {{event.payload.notes}}' } })));
  await runs.saveRun(run, steps);
  return { run, steps };
}
