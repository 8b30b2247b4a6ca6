import { CloseApprovalRoundCommand } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { CloseApprovalRoundHandler } from './close-approval-round.handler';

describe('CloseApprovalRoundHandler', () => {
  it('cancels the pending round of a quote that left Pending approval', async () => {
    const world = approvalsWorld();
    const { requests } = world;
    const round = await openRound(world, pendingQuote());
    await new CloseApprovalRoundHandler(requests).execute(new CloseApprovalRoundCommand('q1'));
    expect(round).toMatchObject({ status: 'cancelled', decidedAt: expect.any(Date), version: 2 });
  });

  it('leaves a decided round alone, and does nothing without a round', async () => {
    const world = approvalsWorld();
    const { requests } = world;
    const round = await openRound(world, pendingQuote());
    round.decide({ id: 'manager-1', eligible: true }, 1, 'approve', null);
    await new CloseApprovalRoundHandler(requests).execute(new CloseApprovalRoundCommand('q1'));
    await new CloseApprovalRoundHandler(requests).execute(new CloseApprovalRoundCommand('q2'));
    expect(round).toMatchObject({ status: 'approved', version: 1 });
    expect(requests.requests.size).toBe(1);
  });
});
