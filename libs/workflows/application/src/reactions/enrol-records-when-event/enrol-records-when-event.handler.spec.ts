import { ManualClock, type IntegrationEvent } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryProperties, MemoryRuns, MemoryWorkflows, quoteWorkflow, RecordingScheduler } from '../../testing/in-memory-workflows';
import { EnrolRecordsWhenEventHandler } from './enrol-records-when-event.handler';

describe('EnrolRecordsWhenEventHandler', () => {
  const clock = new ManualClock('2026-12-02T12:00:00Z');
  let workflows: MemoryWorkflows;
  let runs: MemoryRuns;
  let properties: MemoryProperties;
  let scheduler: RecordingScheduler;
  let handler: EnrolRecordsWhenEventHandler;
  beforeEach(() => {
    workflows = new MemoryWorkflows();
    runs = new MemoryRuns();
    properties = new MemoryProperties();
    scheduler = new RecordingScheduler();
    handler = new EnrolRecordsWhenEventHandler(workflows, runs, properties, scheduler, clock);
  });

  const quoteEvent = (id: string, status: string, previousStatus: string | null, discountBp = 2_500): IntegrationEvent =>
    ({
      id,
      name: 'quotes.quote.submitted.v1',
      occurredAt: '2026-12-02T11:59:00.000Z',
      aggregateType: 'quote',
      aggregateId: 'q-1',
      aggregateVersion: 2,
      actor: { type: 'user', id: 'u-rep' },
      correlationId: 'c-1',
      payload: { quoteId: 'q-1', status, previousStatus, number: 'Q-2026-0001', title: 'Website', ownerId: 'u-rep', dealId: null, currency: 'EUR', expiresOn: '2027-01-31', totalMinor: 264_999, effectiveDiscountBp: discountBp, largestLineDiscountBp: discountBp },
    }) as IntegrationEvent;

  it('remembers the record, enrols it in each matching workflow whose conditions hold, and schedules the first step', async () => {
    const matching = quoteWorkflow({ conditions: [{ property: 'effectiveDiscountPercent', operator: 'gt', value: 20 }], actions: [{ key: 'create_task', params: {} }, { key: 'wait', params: {} }] });
    const bigOnly = quoteWorkflow({ name: 'Big quotes', conditions: [{ property: 'total', operator: 'gt', value: 1e6 }] });
    const otherTrigger = quoteWorkflow({ name: 'Signed', trigger: { type: 'event', eventName: 'quotes.quote.signed.v1' } });
    for (const workflow of [matching, bigOnly, otherTrigger]) await workflows.save(workflow);
    await handler.handle(quoteEvent('e-1', 'pending_approval', 'draft'));

    expect(await properties.snapshot('quote', 'q-1')).toMatchObject({ status: 'pending_approval', number: 'Q-2026-0001', total: '2649.99', effectiveDiscountPercent: '25.00', ownerId: 'u-rep' });
    const [run, ...others] = [...runs.runs.values()];
    expect(others).toEqual([]);
    expect(run).toMatchObject({ workflowId: matching.id, workflowName: matching.name, recordType: 'quote', recordId: 'q-1', triggerEventId: 'e-1', status: 'running', createdAt: clock.now() });
    expect(run!.context).toEqual({ event: { name: 'quotes.quote.submitted.v1', id: 'e-1', occurredAt: '2026-12-02T11:59:00.000Z', payload: quoteEvent('e-1', 'pending_approval', 'draft').payload, actor: { type: 'user', id: 'u-rep' } } });
    expect([...runs.steps.values()].map((s) => [s.index, s.actionKey, s.status])).toEqual([
      [0, 'create_task', 'pending'],
      [1, 'wait', 'pending'],
    ]);
    expect(scheduler.scheduled).toEqual([{ runId: run!.id, index: 0 }]);
  });

  it('enrols once per event, and once per record under the "never" rule', async () => {
    const always = quoteWorkflow({ name: 'Always' });
    const once = quoteWorkflow({ name: 'Once', reenrollment: 'never' });
    for (const workflow of [always, once]) await workflows.save(workflow);
    await handler.handle(quoteEvent('e-1', 'pending_approval', 'draft'));
    await handler.handle(quoteEvent('e-1', 'pending_approval', 'draft'));
    await handler.handle(quoteEvent('e-2', 'pending_approval', 'changes_requested'));
    expect([...runs.runs.values()].map((r) => [r.workflowName, r.triggerEventId])).toEqual([
      ['Always', 'e-1'],
      ['Once', 'e-1'],
      ['Always', 'e-2'],
    ]);
  });

  it('starts nothing for an event about no record, a trigger that does not fire, or a disabled workflow', async () => {
    await workflows.save(quoteWorkflow({ enabled: false }));
    await workflows.save(quoteWorkflow({ name: 'On approval', trigger: { type: 'status_becomes', status: 'approved' } }));
    await handler.handle({ ...quoteEvent('e-1', 'pending_approval', 'draft'), aggregateType: 'deal' });
    await handler.handle(quoteEvent('e-2', 'pending_approval', 'pending_approval'));
    expect([runs.runs.size, scheduler.scheduled.length]).toEqual([0, 0]);
  });

  it('enrols on a property change of the record, without remembering fields', async () => {
    await properties.rememberRecord('quote', 'q-1', { ownerId: 'u-rep' });
    await workflows.save(quoteWorkflow({ name: 'Approved', trigger: { type: 'property_changes', property: 'approval_status', value: 'Approved' } }));
    const changed = { ...quoteEvent('e-3', 'x', null), name: 'workflows.property.changed.v1', aggregateType: 'quote-property', payload: { recordType: 'quote', recordId: 'q-1', property: 'approval_status', value: 'Approved', previousValue: null, ownerId: 'u-rep', runId: null } };
    await handler.handle(changed as IntegrationEvent);
    expect([...runs.runs.values()].map((r) => [r.workflowName, r.recordId])).toEqual([['Approved', 'q-1']]);
    expect(properties.records.get('quote/q-1')).toEqual({ ownerId: 'u-rep' });
  });
});
