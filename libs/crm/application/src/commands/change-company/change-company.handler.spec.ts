import { describe, expect, it } from 'vitest';
import { manager, MemoryCrm, rep } from '../../testing/in-memory-crm';
import { ChangeCompanyCommand } from './change-company.command';
import { ChangeCompanyHandler } from './change-company.handler';

describe('ChangeCompanyHandler', () => {
  it("changes a company's name, domain and country and saves it; its owner stays", async () => {
    const { crm, ritaBv } = MemoryCrm.withRecords();
    const changed = await new ChangeCompanyHandler(crm).execute(new ChangeCompanyCommand(ritaBv.id, { name: ' Rita Holding ', domain: 'rita.example', country: 'be' }, manager));
    expect([changed.id, changed.name, changed.domain, changed.country, changed.ownerId]).toEqual([ritaBv.id, 'Rita Holding', 'rita.example', 'BE', 'rep-1']);
    expect(crm.saved).toEqual([changed]);
    expect(crm.companies.get(ritaBv.id)?.country).toBe('BE');
  });

  it('clears the country with null', async () => {
    const { crm, acme } = MemoryCrm.withRecords();
    const changed = await new ChangeCompanyHandler(crm).execute(new ChangeCompanyCommand(acme.id, { country: null }, manager));
    expect([changed.name, changed.country]).toEqual(['Acme BV', null]);
  });

  it('refuses a bad country or an empty name with the field, saving nothing', async () => {
    const { crm, acme } = MemoryCrm.withRecords();
    const handler = new ChangeCompanyHandler(crm);
    await expect(handler.execute(new ChangeCompanyCommand(acme.id, { country: 'EU' }, manager))).rejects.toMatchObject({
      code: 'CRM.INVALID_COMPANY',
      details: { fields: [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code like NL' }] },
    });
    await expect(handler.execute(new ChangeCompanyCommand(acme.id, { name: '   ' }, manager))).rejects.toMatchObject({ code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'name', reason: 'must not be empty' }] } });
    expect([crm.saved, acme.name, acme.country]).toEqual([[], 'Acme BV', 'NL']);
  });

  it('answers CRM.COMPANY_NOT_FOUND for an unknown company, and for one the viewer may not see', async () => {
    const { crm, remyBv } = MemoryCrm.withRecords();
    const handler = new ChangeCompanyHandler(crm);
    const unknown = '0190a000-0000-7000-8000-000000000000';
    await expect(handler.execute(new ChangeCompanyCommand(unknown, { country: 'NL' }, manager))).rejects.toMatchObject({ code: 'CRM.COMPANY_NOT_FOUND', kind: 'not-found' });
    await expect(handler.execute(new ChangeCompanyCommand(remyBv.id, { country: 'NL' }, rep('rep-1')))).rejects.toMatchObject({ code: 'CRM.COMPANY_NOT_FOUND' });
    expect([crm.saved, remyBv.country]).toEqual([[], null]);
  });
});
