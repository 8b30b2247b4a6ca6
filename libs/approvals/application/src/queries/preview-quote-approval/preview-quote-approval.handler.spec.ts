import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller } from '../../testing/in-memory-approvals';
import { PreviewQuoteApprovalHandler } from './preview-quote-approval.handler';
import { PreviewQuoteApprovalQuery } from './preview-quote-approval.query';

describe('PreviewQuoteApprovalHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: PreviewQuoteApprovalHandler;

  beforeEach(() => {
    world = approvalsWorld();
    handler = new PreviewQuoteApprovalHandler(world.bus.queries);
    world.settings.current.rules = [
      { id: 'r1', name: 'Late-stage deals', priority: 1, conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'won'] }], approverIds: ['manager-2', 'admin-1'], mode: 'any' },
    ];
  });

  it('tells the owner who will approve and why, with names (the deal stage read from crm)', async () => {
    expect(await handler.execute(new PreviewQuoteApprovalQuery(caller('rep-1', 'rep'), 'q1'))).toEqual({
      required: true,
      approverIds: ['manager-2', 'admin-1'],
      mode: 'any',
      reasons: ['deal stage contract_sent in contract_sent, won'],
      ruleName: 'Late-stage deals',
      approvers: [
        { id: 'manager-2', name: 'User manager-2' },
        { id: 'admin-1', name: 'User admin-1' },
      ],
    });
  });

  it('leaves out an admin who would submit it themselves; a manager previews as the owner would submit', async () => {
    expect((await handler.execute(new PreviewQuoteApprovalQuery(caller('admin-1', 'admin'), 'q1'))).approverIds).toEqual(['manager-2']);
    expect((await handler.execute(new PreviewQuoteApprovalQuery(caller('manager-2', 'manager'), 'q1'))).approverIds).toEqual(['manager-2', 'admin-1']);
  });

  it('hides another rep’s quote, and a missing one, as not found', async () => {
    await expect(handler.execute(new PreviewQuoteApprovalQuery(caller('rep-2', 'rep'), 'q1'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    await expect(handler.execute(new PreviewQuoteApprovalQuery(caller('admin-1', 'admin'), 'missing'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
  });
});
