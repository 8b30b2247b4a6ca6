import { FindApprovalRequestQuery } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { FindApprovalRequestHandler } from './find-approval-request.handler';

describe('FindApprovalRequestHandler', () => {
  it('answers a round as other contexts know it, or null', async () => {
    const world = approvalsWorld();
    const { requests } = world;
    const round = await openRound(world, pendingQuote());
    const handler = new FindApprovalRequestHandler(requests);
    expect(await handler.execute(new FindApprovalRequestQuery(round.id))).toEqual({ requestId: round.id, quoteId: 'q1', quoteVersion: 3, round: 1, status: 'pending' });
    expect(await handler.execute(new FindApprovalRequestQuery('missing'))).toBeNull();
  });
});
