import { describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../testing/in-memory-crm';
import { GetDealQuery } from './get-deal.query';
import { GetDealHandler } from './get-deal.handler';

describe('GetDealHandler', () => {
  it('answers the deal, or 404 CRM.DEAL_NOT_FOUND', async () => {
    const { crm, ritaDeal } = MemoryCrm.withRecords();
    const handler = new GetDealHandler(crm);
    expect(await handler.execute(new GetDealQuery(ritaDeal.id))).toMatchObject({ id: ritaDeal.id, name: 'Rita deal', stage: 'qualified_to_buy', amountMinor: 100_000 });
    await expect(handler.execute(new GetDealQuery('nothing'))).rejects.toMatchObject({ code: 'CRM.DEAL_NOT_FOUND' });
  });
});
