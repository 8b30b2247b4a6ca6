import type { StandIns, ApprovalRequest } from '@qa/approvals-domain';
import { SendNotificationCommand, type NewNotification } from '@qa/notifications-contracts';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import type { IntegrationEvent, RecordedEvent } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecideApprovalCommand } from '../../commands/decide-approval/decide-approval.command';
import { DecideApprovalHandler } from '../../commands/decide-approval/decide-approval.handler';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { NotifyPeopleWhenStepChangesHandler } from './notify-people-when-step-changes.handler';

/** Step 1: manager-1 or manager-2 (any one); step 2: admin-1. Submitted by `submittedBy` for rep-1, the owner. */
const route = (submittedBy = 'rep-1'): QuoteApprovalRoute => {
  const first = oneStepRoute(['manager-1', 'manager-2'], 'any', submittedBy);
  return { ...first, steps: [...first.steps, ...oneStepRoute(['admin-1']).steps] };
};

let delivered = 0;
/** A recorded event as the worker delivers it. */
const asDelivered = (request: ApprovalRequest, recorded: RecordedEvent): IntegrationEvent<never> => ({
  id: `e${(delivered += 1)}`,
  name: recorded.name,
  occurredAt: recorded.occurredAt.toISOString(),
  aggregateType: recorded.aggregateType,
  aggregateId: request.id,
  aggregateVersion: recorded.aggregateVersion,
  actor: { type: 'user', id: 'rep-1' },
  correlationId: 'c1',
  payload: recorded.payload as never,
});

describe('NotifyPeopleWhenStepChangesHandler (who hears of each change of a step)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let sent: NewNotification[];
  let reaction: NotifyPeopleWhenStepChangesHandler;

  /** What the round recorded since the last call, each delivered to the reaction; the notifications that made. */
  const deliverRecorded = async (request: ApprovalRequest) => {
    sent.length = 0;
    for (const recorded of request.pullEvents()) await reaction.handle(asDelivered(request, recorded));
    return sent.map((n) => [n.recipientUserId, n.message?.code, n.message?.params, n.kind, n.emailCopy]);
  };
  const open = async (submittedBy = 'rep-1') => {
    const request = await openRound(world, pendingQuote(), route(submittedBy));
    // openRound pulls the opened event: record it again as the worker would see it.
    return { request, opened: { name: 'approvals.request.opened.v1', payload: { requestId: request.id, quoteId: 'q1', round: 1, ownerId: 'rep-1', approverIds: ['manager-1', 'manager-2'], step: 1, steps: 2, notes: null, decidedBy: null }, aggregateType: 'approval-request', aggregateId: request.id, aggregateVersion: 1, occurredAt: world.clock.now() } satisfies RecordedEvent };
  };
  const decide = (who: string, decision: 'approve' | 'request_changes', notes: string | null = null) =>
    new DecideApprovalHandler(world.requests, world.bus.queries).execute(new DecideApprovalCommand(caller(who, who.startsWith('admin') ? 'admin' : 'manager'), 'q1', 1, decision, notes));
  const about = { number: 'Q-2026-0042', title: 'Website redesign' };

  beforeEach(() => {
    world = approvalsWorld();
    world.users.set('manager-3', user('manager-3', 'manager'));
    sent = [];
    world.bus.on(SendNotificationCommand, ({ notification }) => {
      const created = !sent.some((n) => n.sourceKey === notification.sourceKey);
      if (created) sent.push(notification);
      return { id: created ? `n${sent.length}` : null, created };
    });
    reaction = new NotifyPeopleWhenStepChangesHandler(world.requests, world.bus.queries, world.bus.commands);
  });

  it('assigned: each approver of the step that starts, linking to the approval page, without an e-mail copy (the approval e-mail is theirs); once per event and recipient', async () => {
    const { request, opened } = await open();
    const event = asDelivered(request, opened);
    await reaction.handle(event);
    await reaction.handle(event); // redelivered
    expect(sent.map((n) => [n.recipientUserId, n.message, n.link, n.sourceKey, n.kind, n.emailCopy])).toEqual([
      ['manager-1', { code: 'approvals.stepAssigned', params: { ...about, step: '1', steps: '2' } }, '/quotes/q1/approval', `approvals.notify:${event.id}:manager-1`, 'assigned', false],
      ['manager-2', { code: 'approvals.stepAssigned', params: { ...about, step: '1', steps: '2' } }, '/quotes/q1/approval', `approvals.notify:${event.id}:manager-2`, 'assigned', false],
    ]);

    await decide('manager-1', 'approve');
    expect(await deliverRecorded(request)).toEqual([['admin-1', 'approvals.stepAssigned', { ...about, step: '2', steps: '2' }, 'assigned', false]]);
  });

  it('assigned: nobody for a step already over, and nobody who may no longer approve', async () => {
    world.users.set('manager-2', user('manager-2', 'manager', false));
    const { request, opened } = await open();
    await reaction.handle(asDelivered(request, opened));
    expect(sent.map((n) => n.recipientUserId)).toEqual(['manager-1']);
    sent.length = 0;
    await decide('manager-1', 'approve');
    await reaction.handle(asDelivered(request, opened)); // step 1 is over
    expect(sent).toEqual([]);
  });

  it('delegated: the stand-in of an approver who went out of office, and at a step start the stand-in in their place', async () => {
    const { request, opened } = await open();
    const standIns: StandIns = new Map([['manager-1', { approverId: 'manager-1', to: 'admin-1', kind: 'delegated', reason: 'out-of-office', mayAct: ['admin-1'] }]]);
    expect(request.delegateOpenStep('manager-1', standIns, world.clock.now())).toBe(true);
    expect(await deliverRecorded(request)).toEqual([['admin-1', 'approvals.stepDelegated', { ...about, step: '1', steps: '2', from: 'User manager-1' }, 'delegated', false]]);
    sent.length = 0;
    await reaction.handle(asDelivered(request, opened));
    expect(sent.map((n) => [n.recipientUserId, n.message?.code, n.message?.params['from'], n.sourceKey?.endsWith(':for:manager-1')])).toEqual([
      ['admin-1', 'approvals.stepAssignedOnBehalf', 'User manager-1', true],
      ['manager-2', 'approvals.stepAssigned', undefined, false],
    ]);
  });

  it('escalated: the person added beside the approvers', async () => {
    const { request } = await open();
    request.escalate(0, ['admin-1'], world.clock.now());
    expect(await deliverRecorded(request)).toEqual([['admin-1', 'approvals.stepEscalated', { ...about, step: '1', steps: '2' }, 'escalated', false]]);
  });

  it('reassigned: the person added (no copy: their approval e-mail) and the person replaced (with a copy), with who did it and the note', async () => {
    const { request } = await open();
    request.reassign({ id: 'admin-1', admin: true }, 'manager-1', { id: 'manager-3', eligible: true }, 'Max is on holiday', 1, world.clock.now());
    expect(await deliverRecorded(request)).toEqual([
      ['manager-3', 'approvals.stepReassignedToYou', { ...about, step: '1', steps: '2', from: 'User manager-1', by: 'User admin-1', note: 'Max is on holiday' }, 'reassigned', false],
      ['manager-1', 'approvals.stepReassignedAway', { ...about, step: '1', steps: '2', to: 'User manager-3', by: 'User admin-1', note: 'Max is on holiday' }, 'reassigned', true],
    ]);
    // Handing one's own place on: only the person added hears of it.
    request.reassign({ id: 'manager-2', admin: false }, 'manager-2', { id: 'admin-1', eligible: true }, 'Please take this one', 1, world.clock.now());
    expect((await deliverRecorded(request)).map(([to, code]) => [to, code])).toEqual([['admin-1', 'approvals.stepReassignedToYou']]);
  });

  it('decided, changes requested: the owner and whoever submitted it, with the approver and the notes', async () => {
    const { request } = await open('rep-2');
    await decide('manager-2', 'request_changes', 'Lower the discount to 20 %');
    const current = (await world.requests.findById(request.id))!;
    expect(await deliverRecorded(current)).toEqual([
      ['rep-1', 'approvals.changesRequested', { ...about, by: 'User manager-2', note: 'Lower the discount to 20 %' }, 'decided', true],
      ['rep-2', 'approvals.changesRequested', { ...about, by: 'User manager-2', note: 'Lower the discount to 20 %' }, 'decided', true],
    ]);
  });

  it('decided, approved: whoever submitted it when not the owner (the owner has the built-in workflow’s notification); nobody else', async () => {
    const submittedByOther = await open('rep-2');
    await decide('manager-1', 'approve');
    submittedByOther.request.pullEvents();
    await decide('admin-1', 'approve');
    expect(submittedByOther.request.status).toBe('approved');
    expect(await deliverRecorded(submittedByOther.request)).toEqual([['rep-2', 'approvals.quoteApproved', about, 'decided', true]]);

    world = approvalsWorld();
    world.bus.on(SendNotificationCommand, ({ notification }) => (sent.push(notification), { id: 'n', created: true }));
    reaction = new NotifyPeopleWhenStepChangesHandler(world.requests, world.bus.queries, world.bus.commands);
    const byOwner = await open('rep-1');
    await decide('manager-1', 'approve');
    await decide('admin-1', 'approve');
    expect((await deliverRecorded(byOwner.request)).filter(([, code]) => code === 'approvals.quoteApproved')).toEqual([]);
  });
});
