import { APPROVAL_LINK_TTL_MS, ApprovalLinkUse } from '@qa/approvals-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecideApprovalCommand } from '../../commands/decide-approval/decide-approval.command';
import { issueApprovalLinks, readApprovalLink } from '../../shared/approval-link-token';
import { approvalLinksWorld, linkSettings } from '../../testing/in-memory-approval-links';
import { caller, oneStepRoute, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { GetApprovalLinkHandler } from './get-approval-link.handler';
import { GetApprovalLinkQuery } from './get-approval-link.query';

describe('GetApprovalLinkHandler (the confirmation page of an e-mail link)', () => {
  let world: ReturnType<typeof approvalLinksWorld>;
  let handler: GetApprovalLinkHandler;
  let links: ReturnType<typeof issueApprovalLinks>;
  const manager1 = caller('manager-1', 'manager');

  beforeEach(async () => {
    world = approvalLinksWorld();
    handler = new GetApprovalLinkHandler(world.requests, world.uses, linkSettings, world.bus.queries, world.clock);
    const request = await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'manager-2'], 'all'));
    links = issueApprovalLinks({ requestId: request.id, round: 1, step: 0, approverId: 'manager-1' }, linkSettings.secret, world.clock.now());
  });

  const look = (token: string, who = manager1) => handler.execute(new GetApprovalLinkQuery(who, token));

  it('shows its approver the quote, why it needs approval and the action, and changes nothing', async () => {
    expect(await look(links.requestChanges)).toEqual({
      action: 'request_changes',
      quote: { id: 'q1', number: 'Q-2026-0042', title: 'Website redesign', companyName: 'Acme BV', total: '12500.00', currency: 'EUR' },
      rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }],
      approver: { id: 'manager-1', name: 'User manager-1' },
      onBehalfOf: null,
      round: 1,
      step: 1,
      steps: 1,
      expiresAt: new Date('2026-12-06T09:00:00Z'),
    });
    expect((await world.requests.findCurrent('q1'))?.decisions).toEqual([]);
    expect(world.uses.used.size).toBe(0);
  });

  it('tells another approver of the same step, or a rep, only that it is not theirs', async () => {
    await expect(look(links.approve, caller('manager-2', 'manager'))).rejects.toMatchObject({ code: 'APPROVALS.LINK_NOT_YOURS', details: {} });
    await expect(look(links.approve, caller('rep-1', 'rep'))).rejects.toMatchObject({ code: 'APPROVALS.LINK_NOT_YOURS' });
  });

  it('says expired once 72 hours passed by the clock', async () => {
    world.clock.advance(APPROVAL_LINK_TTL_MS);
    await expect(look(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_EXPIRED', details: { expiredAt: '2026-12-06T09:00:00.000Z' } });
  });

  it('says used once its e-mail decided (either button)', async () => {
    const claims = readApprovalLink(links.approve, linkSettings.secret);
    world.uses.used.set(claims.linkId, ApprovalLinkUse.of(claims, world.clock.now()));
    await expect(look(links.requestChanges)).rejects.toMatchObject({ code: 'APPROVALS.LINK_USED' });
  });

  it('says void once its approver decided on the approval page, or the quote changed since the round opened', async () => {
    await world.bus.execute(new DecideApprovalCommand(manager1, 'q1', 1, 'approve', null));
    await expect(look(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });

    const fresh = approvalLinksWorld();
    const request = await openRound(fresh, pendingQuote());
    const token = issueApprovalLinks({ requestId: request.id, round: 1, step: 0, approverId: 'manager-1' }, linkSettings.secret, fresh.clock.now()).approve;
    fresh.quotes.set('q1', pendingQuote({ version: 4 }));
    await expect(new GetApprovalLinkHandler(fresh.requests, fresh.uses, linkSettings, fresh.bus.queries, fresh.clock).execute(new GetApprovalLinkQuery(manager1, token))).rejects.toMatchObject({
      code: 'APPROVALS.LINK_VOID',
    });
  });

  it('refuses a token it did not sign', async () => {
    await expect(look(`${links.approve.split('.')[0]}.${'A'.repeat(43)}`)).rejects.toMatchObject({ code: 'APPROVALS.LINK_INVALID' });
  });
});
