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
      {
        id: 'r1',
        name: 'Late-stage deals',
        when: [{ conditions: [{ field: 'dealStage', operator: 'in', value: ['contract_sent', 'closed_won'] }] }],
        route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'manager-2' }, { kind: 'user', userId: 'admin-1' }] }] }],
        firstMatchOnly: true,
      },
    ];
  });

  it('tells the owner the route and why, with the names of everyone on it (the deal stage read from crm)', async () => {
    const preview = await handler.execute(new PreviewQuoteApprovalQuery(caller('rep-1', 'rep'), 'q1'));
    expect(preview).toMatchObject({
      required: true,
      complete: true,
      approverIds: ['manager-2', 'admin-1'],
      route: { rules: [{ ruleId: 'r1', ruleName: 'Late-stage deals', reasons: [{ code: 'condition', field: 'dealStage', operator: 'in', expected: ['contract_sent', 'closed_won'], actual: 'contract_sent' }] }] },
    });
    expect(preview.people).toEqual([
      { id: 'manager-2', name: 'User manager-2', active: true },
      { id: 'admin-1', name: 'User admin-1', active: true },
    ]);
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
