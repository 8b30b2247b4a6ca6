import { ChangeDealStageCommand } from '@qa/crm-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../testing/in-memory-crm';
import { ChangeDealStageHandler } from './change-deal-stage.handler';

describe('ChangeDealStageHandler', () => {
  it('moves the deal and records the change with the previous stage', async () => {
    const { crm, ritaDeal } = MemoryCrm.withRecords();
    await new ChangeDealStageHandler(crm).execute(new ChangeDealStageCommand(ritaDeal.id, 'closed_won'));
    expect([ritaDeal.stage, crm.saved]).toEqual(['closed_won', [ritaDeal]]);
    expect(ritaDeal.pullEvents().map((e) => [e.name, e.payload])).toEqual([
      ['crm.deal.stage-changed.v1', { dealId: ritaDeal.id, ownerId: 'rep-1', stage: 'closed_won', previousStage: 'qualified_to_buy' }],
    ]);
  });

  it('records nothing for the stage the deal is in, and answers 404 for no deal', async () => {
    const { crm, ritaDeal } = MemoryCrm.withRecords();
    const handler = new ChangeDealStageHandler(crm);
    await handler.execute(new ChangeDealStageCommand(ritaDeal.id, 'qualified_to_buy'));
    expect(ritaDeal.pullEvents()).toEqual([]);
    await expect(handler.execute(new ChangeDealStageCommand('nothing', 'closed_won'))).rejects.toMatchObject({ code: 'CRM.DEAL_NOT_FOUND' });
  });
});
