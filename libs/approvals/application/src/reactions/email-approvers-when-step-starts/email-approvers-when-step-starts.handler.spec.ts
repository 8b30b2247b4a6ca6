import { ApprovalRequestOpened, ApprovalRequestStepStarted, type ApprovalRequestPayload } from '@qa/approvals-contracts';
import type { ApprovalRequest, StandIns } from '@qa/approvals-domain';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import type { IntegrationEvent, IntegrationEventType, RecordedEvent } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { readApprovalLink } from '../../shared/approval-link-token';
import { approvalLinksWorld, linkSettings } from '../../testing/in-memory-approval-links';
import { caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { DecideApprovalCommand } from '../../commands/decide-approval/decide-approval.command';
import { EmailApproversWhenStepStartsHandler, stepMailKey } from './email-approvers-when-step-starts.handler';

const event = (type: IntegrationEventType<ApprovalRequestPayload>, request: ApprovalRequest, step: number): IntegrationEvent<ApprovalRequestPayload> => ({
  id: `e-${type.name}-${step}`,
  name: type.name,
  occurredAt: '2026-12-03T09:00:00Z',
  aggregateType: 'approval-request',
  aggregateId: request.id,
  aggregateVersion: step,
  actor: { type: 'user', id: 'rep-1' },
  correlationId: 'c1',
  payload: { requestId: request.id, quoteId: request.quoteId, round: request.round, ownerId: request.ownerId, approverIds: [], step, steps: request.route.steps.length, notes: null, decidedBy: null },
});

/** Step 1: manager-1 or manager-2 (any one), for a rule on the discount; step 2: admin-1. */
const route = (): QuoteApprovalRoute => {
  const first = oneStepRoute(['manager-1', 'manager-2'], 'any');
  return {
    ...first,
    steps: [...first.steps, ...oneStepRoute(['admin-1']).steps],
    rules: [
      {
        ruleId: 'r1',
        ruleName: 'Big discounts',
        reasons: [
          { code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 20, actual: 25 },
          { code: 'condition', field: 'total', operator: 'gte', expected: '10000.00', actual: '12500.00', currency: 'EUR' },
        ],
      },
    ],
  };
};

/** The token in a link of the mail text: "Approve: <url>". */
const tokenIn = (text: string, label: string) => decodeURIComponent(new RegExp(`^${label}: https://quotes\\.example\\.com/approvals/confirm\\?token=(\\S+)$`, 'm').exec(text)?.[1] ?? '');

describe('EmailApproversWhenStepStartsHandler', () => {
  let world: ReturnType<typeof approvalLinksWorld>;
  let reaction: EmailApproversWhenStepStartsHandler;
  let request: ApprovalRequest;

  beforeEach(async () => {
    world = approvalLinksWorld();
    reaction = new EmailApproversWhenStepStartsHandler(world.requests, linkSettings, world.bus.queries, world.bus.commands, world.clock);
    request = await openRound(world, pendingQuote(), route());
  });

  it('mails each approver of the step that starts once, with the summary, the reasons and links bound to them', async () => {
    await reaction.handle(event(ApprovalRequestOpened, request, 1));
    await reaction.handle(event(ApprovalRequestOpened, request, 1)); // delivered twice
    expect(world.emails.map((e) => [e.recipientUserId, e.sourceKey, e.subject, e.kind])).toEqual([
      ['manager-1', `approvals.step-mail:${request.id}:0:manager-1`, 'Approval needed: Q-2026-0042 Website redesign', 'assigned'],
      ['manager-2', `approvals.step-mail:${request.id}:0:manager-2`, 'Approval needed: Q-2026-0042 Website redesign', 'assigned'],
    ]);
    const [mail] = world.emails;
    expect(mail!.text).toContain('Hello User manager-1,\n\nUser rep-1’s quote needs your approval (step 1 of 2).');
    expect(mail!.text).toContain('Quote: Q-2026-0042 – Website redesign\nCompany: Acme BV\nTotal: €12,500.00');
    expect(mail!.text).toContain('Why it needs approval:\n- Big discounts: discount 25% > 20%; total €12,500.00 ≥ €10,000.00');
    expect(mail!.text).toContain('until 6 December 2026 at 09:00 UTC');
    expect(mail!.text).toContain('You can also decide on the approval page: https://quotes.example.com/quotes/q1/approval');
    for (const [label, action] of [['Approve', 'approve'], ['Request changes', 'request_changes']] as const) {
      const claims = readApprovalLink(tokenIn(mail!.text, label), linkSettings.secret);
      expect(claims).toMatchObject({ requestId: request.id, round: 1, step: 0, approverId: 'manager-1', action, expiresAt: Date.parse('2026-12-06T09:00:00Z') });
      expect(mail!.html).toContain(`>${label}</a>`);
    }
    expect(readApprovalLink(tokenIn(world.emails[1]!.text, 'Approve'), linkSettings.secret).approverId).toBe('manager-2');
    expect(mail!.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(mail!.html).toContain('<li>Big discounts: discount 25% &gt; 20%; total €12,500.00 ≥ €10,000.00</li>');
    expect(mail!.html).not.toContain('<img');
  });

  it('mails the next step’s approver when it starts, and nobody for a step already over', async () => {
    await world.bus.execute(new DecideApprovalCommand(caller('manager-1', 'manager'), 'q1', 1, 'approve', null));
    // The opened event arrives late: step 1 is over.
    await reaction.handle(event(ApprovalRequestOpened, request, 1));
    expect(world.emails).toEqual([]);
    await reaction.handle(event(ApprovalRequestStepStarted, request, 2));
    expect(world.emails.map((e) => [e.recipientUserId, e.sourceKey])).toEqual([['admin-1', `approvals.step-mail:${request.id}:1:admin-1`]]);
    expect(readApprovalLink(tokenIn(world.emails[0]!.text, 'Request changes'), linkSettings.secret)).toMatchObject({ step: 1, approverId: 'admin-1', action: 'request_changes' });
  });

  it('mails nobody who may no longer approve, nor for a quote changed since or a round that is over', async () => {
    world.users.set('manager-2', user('manager-2', 'manager', false));
    await reaction.handle(event(ApprovalRequestOpened, request, 1));
    expect(world.emails.map((e) => e.recipientUserId)).toEqual(['manager-1']);

    world.emails.length = 0;
    const changed = approvalLinksWorld();
    const other = await openRound(changed, pendingQuote(), route());
    changed.quotes.set('q1', pendingQuote({ status: 'draft', version: 4 }));
    await new EmailApproversWhenStepStartsHandler(changed.requests, linkSettings, changed.bus.queries, changed.bus.commands, changed.clock).handle(event(ApprovalRequestOpened, other, 1));
    other.cancel();
    await new EmailApproversWhenStepStartsHandler(changed.requests, linkSettings, changed.bus.queries, changed.bus.commands, changed.clock).handle(event(ApprovalRequestOpened, other, 1));
    expect(changed.emails).toEqual([]);
  });

  describe('people added to the step while it waits', () => {
    let delivered = 0;
    /** What the round recorded since the last call, delivered to the reaction as the worker would. */
    const deliverRecorded = async () => {
      for (const recorded of request.pullEvents()) await reaction.handle(asDelivered(recorded));
    };
    const asDelivered = (recorded: RecordedEvent): IntegrationEvent<ApprovalRequestPayload> => ({
      id: `e-added-${(delivered += 1)}`,
      name: recorded.name,
      occurredAt: recorded.occurredAt.toISOString(),
      aggregateType: recorded.aggregateType,
      aggregateId: request.id,
      aggregateVersion: recorded.aggregateVersion,
      actor: { type: 'system', id: null },
      correlationId: 'c1',
      payload: recorded.payload as ApprovalRequestPayload,
    });
    const standIns: StandIns = new Map([['manager-1', { approverId: 'manager-1', to: 'admin-1', kind: 'delegated', reason: 'out-of-office', mayAct: ['admin-1'] }]]);

    it('escalated: the person added gets the e-mail with links bound to them, saying why', async () => {
      request.escalate(0, ['admin-1'], world.clock.now());
      await deliverRecorded();
      expect(world.emails.map((e) => [e.recipientUserId, e.sourceKey, e.kind])).toEqual([['admin-1', stepMailKey(request.id, 0, 'admin-1'), 'escalated']]);
      const [mail] = world.emails;
      expect(mail!.text).toContain('It waited too long for a decision, so it was escalated to you: you can decide beside its approvers.');
      expect(readApprovalLink(tokenIn(mail!.text, 'Approve'), linkSettings.secret)).toMatchObject({ requestId: request.id, step: 0, approverId: 'admin-1', action: 'approve' });
      expect(readApprovalLink(tokenIn(mail!.text, 'Approve'), linkSettings.secret).onBehalfOf).toBeUndefined();
    });

    it('delegated: the stand-in gets the e-mail, whose links decide on behalf of the approver out of office', async () => {
      expect(request.delegateOpenStep('manager-1', standIns, world.clock.now())).toBe(true);
      await deliverRecorded();
      expect(world.emails.map((e) => [e.recipientUserId, e.sourceKey, e.kind])).toEqual([['admin-1', stepMailKey(request.id, 0, 'admin-1', 'manager-1'), 'delegated']]);
      const [mail] = world.emails;
      expect(mail!.text).toContain('User manager-1 is out of office: you decide in their place, and the record says so.');
      for (const [label, action] of [['Approve', 'approve'], ['Request changes', 'request_changes']] as const) {
        expect(readApprovalLink(tokenIn(mail!.text, label), linkSettings.secret)).toMatchObject({ step: 0, approverId: 'admin-1', onBehalfOf: 'manager-1', action });
      }
    });

    it('delegated before the step started: its e-mail goes to the stand-in in the approver’s place, not to the approver out of office', async () => {
      request.delegateOpenStep('manager-1', standIns, world.clock.now());
      request.pullEvents();
      await reaction.handle(event(ApprovalRequestOpened, request, 1));
      expect(world.emails.map((e) => [e.recipientUserId, e.sourceKey, e.kind])).toEqual([
        ['admin-1', stepMailKey(request.id, 0, 'admin-1', 'manager-1'), 'assigned'],
        ['manager-2', stepMailKey(request.id, 0, 'manager-2'), 'assigned'],
      ]);
      expect(readApprovalLink(tokenIn(world.emails[0]!.text, 'Approve'), linkSettings.secret).onBehalfOf).toBe('manager-1');
    });

    it('reassigned: the person the place went to gets the e-mail, with who handed it on and the note', async () => {
      world.users.set('manager-3', user('manager-3', 'manager'));
      request.reassign({ id: 'admin-1', admin: true }, 'manager-1', { id: 'manager-3', eligible: true }, 'Max is on holiday', 1, world.clock.now());
      await deliverRecorded();
      expect(world.emails.map((e) => [e.recipientUserId, e.kind])).toEqual([['manager-3', 'reassigned']]);
      expect(world.emails[0]!.text).toContain('User admin-1 handed User manager-1’s place in this step to you. Note: Max is on holiday');
      expect(readApprovalLink(tokenIn(world.emails[0]!.text, 'Approve'), linkSettings.secret)).toMatchObject({ approverId: 'manager-3', step: 0 });
    });

    it('mails nobody added to a step that is over by the time the event arrives', async () => {
      request.escalate(0, ['admin-1'], world.clock.now());
      const [escalated] = request.pullEvents();
      await world.bus.execute(new DecideApprovalCommand(caller('manager-2', 'manager'), 'q1', 1, 'approve', null));
      await reaction.handle(asDelivered(escalated!));
      expect(world.emails).toEqual([]);
    });
  });
});
