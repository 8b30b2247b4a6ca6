import { describe, expect, it } from 'vitest';
import { MemoryCrm, rep } from '../../testing/in-memory-crm';
import { CreateDealCommand } from './create-deal.command';
import { CreateDealHandler } from './create-deal.handler';

const props = (companyId: string | null) => ({ name: ' New deal ', amountMinor: 50_000, currency: 'EUR', ownerId: 'rep-1', stage: 'qualified_to_buy' as const, companyId });

describe('CreateDealHandler', () => {
  it('adds a deal at a company the viewer may see, or at none', async () => {
    const { crm, acme } = MemoryCrm.withRecords();
    const handler = new CreateDealHandler(crm);
    const atAcme = await handler.execute(new CreateDealCommand(props(acme.id), rep('rep-1')));
    const alone = await handler.execute(new CreateDealCommand(props(null), rep('rep-1')));
    expect([atAcme.name, atAcme.companyId, atAcme.amountMinor, alone.companyId]).toEqual(['New deal', acme.id, 50_000, null]);
    expect(crm.saved).toEqual([atAcme, alone]);
  });

  it('refuses another rep’s company for a rep, not for the system', async () => {
    const { crm, remyBv } = MemoryCrm.withRecords();
    const handler = new CreateDealHandler(crm);
    await expect(handler.execute(new CreateDealCommand(props(remyBv.id), rep('rep-1')))).rejects.toMatchObject({ code: 'CRM.UNKNOWN_REFERENCE' });
    expect((await handler.execute(new CreateDealCommand(props(remyBv.id)))).companyId).toBe(remyBv.id);
  });
});
