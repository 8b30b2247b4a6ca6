import { describe, expect, it } from 'vitest';
import { MemoryCrm, rep } from '../../testing/in-memory-crm';
import { CreateContactCommand } from './create-contact.command';
import { CreateContactHandler } from './create-contact.handler';

describe('CreateContactHandler', () => {
  it('adds a contact at a company the viewer may see, its e-mail normalised', async () => {
    const { crm, acme, ritaBv } = MemoryCrm.withRecords();
    const handler = new CreateContactHandler(crm);
    const contact = await handler.execute(new CreateContactCommand({ name: 'Bram', email: ' Bram@Acme.example ', companyId: acme.id, ownerId: 'rep-1' }, rep('rep-1')));
    const atOwn = await handler.execute(new CreateContactCommand({ name: 'Olga', email: 'olga@rita.example', companyId: ritaBv.id }, rep('rep-1')));
    expect([contact.email, contact.companyId, contact.ownerId, atOwn.companyId]).toEqual(['bram@acme.example', acme.id, 'rep-1', ritaBv.id]);
  });

  it('refuses another rep’s company exactly as an unknown one (422 CRM.UNKNOWN_REFERENCE), adding nothing', async () => {
    const { crm, remyBv } = MemoryCrm.withRecords();
    const handler = new CreateContactHandler(crm);
    for (const companyId of [remyBv.id, 'nothing']) {
      await expect(handler.execute(new CreateContactCommand({ name: 'X', email: 'x@example.com', companyId }, rep('rep-1')))).rejects.toMatchObject({
        code: 'CRM.UNKNOWN_REFERENCE',
        details: { fields: [{ field: 'companyId', reason: `no such record: ${companyId}` }] },
      });
    }
    expect(crm.saved).toEqual([]);
  });
});
