import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import { APPROVAL_LINK_TTL_MS, Delegation } from '@qa/approvals-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { issueApprovalLinks, readApprovalLink, signApprovalLink } from '../../shared/approval-link-token';
import { approvalLinksWorld, linkSettings } from '../../testing/in-memory-approval-links';
import { caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { DecideApprovalCommand } from '../decide-approval/decide-approval.command';
import { DecideByApprovalLinkCommand } from './decide-by-approval-link.command';
import { DecideByApprovalLinkHandler } from './decide-by-approval-link.handler';

/** Step 1: manager-1 and manager-2 (all of them); step 2: admin-1. */
const twoSteps = (): QuoteApprovalRoute => {
  const first = oneStepRoute(['manager-1', 'manager-2'], 'all');
  return { ...first, steps: [...first.steps, ...oneStepRoute(['admin-1']).steps] };
};

describe('DecideByApprovalLinkHandler (confirming an e-mail link)', () => {
  let world: ReturnType<typeof approvalLinksWorld>;
  let handler: DecideByApprovalLinkHandler;
  let requestId: string;
  const manager1 = caller('manager-1', 'manager');
  const linksFor = (approverId: string, step = 0, round = 1) => issueApprovalLinks({ requestId, round, step, approverId }, linkSettings.secret, world.clock.now());
  const decide = (token: string, who = manager1, notes: string | null = null) => handler.execute(new DecideByApprovalLinkCommand(who, token, notes));
  const round = async () => (await world.requests.findCurrent('q1'))!;

  beforeEach(async () => {
    world = approvalLinksWorld();
    handler = new DecideByApprovalLinkHandler(world.requests, world.uses, linkSettings, world.bus.commands, world.clock);
    requestId = (await openRound(world, pendingQuote(), twoSteps())).id;
  });

  it('approves once, through the approval page’s decision; a second click changes nothing', async () => {
    const links = linksFor('manager-1');
    const decided = await decide(links.approve, manager1, '  Fine  ');
    expect(decided.action).toBe('approve');
    expect(decided.request).toMatchObject({ status: 'pending', currentStep: 0, decisions: [{ approverId: 'manager-1', decision: 'approve', notes: 'Fine', step: 0 }] });
    expect(world.bus.sent.filter((m) => m instanceof DecideApprovalCommand)).toEqual([new DecideApprovalCommand(manager1, 'q1', 1, 'approve', 'Fine')]);
    const claims = readApprovalLink(links.approve, linkSettings.secret);
    expect([...world.uses.used.values()]).toEqual([expect.objectContaining({ linkId: claims.linkId, requestId, approverId: 'manager-1', step: 0, action: 'approve' })]);

    await expect(decide(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_USED' });
    await expect(decide(links.requestChanges, manager1, 'Lower it')).rejects.toMatchObject({ code: 'APPROVALS.LINK_USED' });
    expect((await round()).decisions).toHaveLength(1);
    expect((await round()).version).toBe(2);
  });

  it('requests changes with notes only; without notes nothing is decided and the link stays unused', async () => {
    const links = linksFor('manager-1');
    await expect(decide(links.requestChanges, manager1, '  ')).rejects.toMatchObject({ code: 'APPROVALS.NOTES_REQUIRED', details: { fields: [{ field: 'notes', reason: 'must not be empty' }] } });
    expect(world.uses.used.size).toBe(0);
    const decided = await decide(links.requestChanges, manager1, 'Lower the discount');
    expect(decided.request).toMatchObject({ status: 'changes_requested', decisions: [{ approverId: 'manager-1', decision: 'request_changes', notes: 'Lower the discount' }] });
  });

  it('decides nothing for anyone but its approver: another approver of the same step, the owner, an admin', async () => {
    const links = linksFor('manager-1');
    for (const who of [caller('manager-2', 'manager'), caller('rep-1', 'rep'), caller('admin-1', 'admin')]) {
      await expect(decide(links.approve, who)).rejects.toMatchObject({ code: 'APPROVALS.LINK_NOT_YOURS' });
    }
    expect((await round()).decisions).toEqual([]);
    expect(world.uses.used.size).toBe(0);
    // Still good for its approver afterwards.
    expect((await decide(links.approve)).request.decisions).toHaveLength(1);
  });

  it('refuses a link expired by the clock, and one whose signature does not match what it says', async () => {
    const links = linksFor('manager-1');
    const claims = readApprovalLink(links.approve, linkSettings.secret);
    // Someone edits "approve" into "request changes" (or the approver into themselves) and keeps the signature.
    const edited = signApprovalLink({ ...claims, action: 'request_changes' }, 'not-the-secret-but-long-enough-000000000');
    await expect(decide(`${edited.split('.')[0]}.${links.approve.split('.')[1]}`, manager1, 'x')).rejects.toMatchObject({ code: 'APPROVALS.LINK_INVALID' });
    world.clock.advance(APPROVAL_LINK_TTL_MS);
    await expect(decide(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_EXPIRED' });
    expect((await round()).decisions).toEqual([]);
  });

  it('is void for a step not (or no longer) current, another round, and after its approver decided on the approval page', async () => {
    // Step 2's approver, with a link of step 2 while step 1 decides; a link naming round 2.
    await expect(decide(linksFor('admin-1', 1).approve, caller('admin-1', 'admin'))).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
    await expect(decide(linksFor('manager-1', 0, 2).approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
    // manager-1 approves on the approval page: their e-mail's link decides nothing any more.
    const links = linksFor('manager-1');
    await world.bus.execute(new DecideApprovalCommand(manager1, 'q1', 1, 'approve', null));
    await expect(decide(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
    // Step 1 completes: its links are void, step 2's work.
    const manager2 = linksFor('manager-2');
    expect((await decide(manager2.approve, caller('manager-2', 'manager'))).request).toMatchObject({ status: 'pending', currentStep: 1 });
    await expect(decide(linksFor('manager-2').requestChanges, caller('manager-2', 'manager'), 'Too late')).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
    expect((await decide(linksFor('admin-1', 1).approve, caller('admin-1', 'admin'))).request.status).toBe('approved');
  });

  it('makes the approval page’s checks: an approver no longer eligible decides nothing and the link stays unused', async () => {
    const links = linksFor('manager-1');
    world.users.set('manager-1', user('manager-1', 'rep'));
    await expect(decide(links.approve)).rejects.toMatchObject({ code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
    expect(world.uses.used.size).toBe(0);
    expect((await round()).decisions).toEqual([]);
  });

  it('a stand-in’s link decides on behalf of the approver out of office, as the approval page does; not once the delegation has ended', async () => {
    const now = world.clock.now();
    const delegation = Delegation.create(
      { approverId: 'manager-1', delegateId: 'admin-1', startsAt: now, endsAt: new Date(now.getTime() + 86_400_000), note: null, createdBy: 'manager-1' },
      { approverMayApprove: true, delegateMayApprove: true, others: [] },
      now,
    );
    await world.delegations.save(delegation);
    const admin = caller('admin-1', 'admin');
    const onBehalf = issueApprovalLinks({ requestId, round: 1, step: 0, approverId: 'admin-1', onBehalfOf: 'manager-1' }, linkSettings.secret, now);
    expect(readApprovalLink(onBehalf.approve, linkSettings.secret)).toMatchObject({ approverId: 'admin-1', onBehalfOf: 'manager-1' });
    // Only the stand-in it was sent to may use it.
    await expect(decide(onBehalf.approve, manager1)).rejects.toMatchObject({ code: 'APPROVALS.LINK_NOT_YOURS' });

    // The delegation ended early: the link decides nothing, and stays unused.
    delegation.cancelledAt = now;
    await expect(decide(onBehalf.approve, admin)).rejects.toMatchObject({ code: 'APPROVALS.NOT_A_STAND_IN' });
    expect(world.uses.used.size).toBe(0);
    delegation.cancelledAt = null;

    const decided = await decide(onBehalf.approve, admin);
    expect(world.bus.sent.filter((m) => m instanceof DecideApprovalCommand).at(-1)).toEqual(new DecideApprovalCommand(admin, 'q1', 1, 'approve', null, { onBehalfOf: 'manager-1' }));
    expect(decided.request.decisions).toEqual([expect.objectContaining({ approverId: 'admin-1', onBehalfOf: 'manager-1', decision: 'approve', step: 0 })]);
    // manager-1's place is decided: their own link, and the stand-in's other button, are void.
    await expect(decide(linksFor('manager-1').approve)).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
    await expect(decide(issueApprovalLinks({ requestId, round: 1, step: 0, approverId: 'admin-1', onBehalfOf: 'manager-1' }, linkSettings.secret, now).requestChanges, admin, 'x')).rejects.toMatchObject({ code: 'APPROVALS.LINK_VOID' });
  });
});
