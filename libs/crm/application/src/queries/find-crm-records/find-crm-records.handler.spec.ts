import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryCrm, rep } from '../../testing/in-memory-crm';
import { FindCrmRecordsHandler } from './find-crm-records.handler';

describe('FindCrmRecordsHandler', () => {
  it('answers the summaries of the records asked for; unknown ids are absent', async () => {
    const { crm, acme, anna, ritaDeal } = MemoryCrm.withRecords();
    const records = await new FindCrmRecordsHandler(crm).execute(new FindCrmRecordsQuery({ companyIds: [acme.id, 'nothing'], contactIds: [anna.id], dealIds: [ritaDeal.id] }));
    expect(records).toEqual({
      companies: [{ id: acme.id, name: 'Acme BV', country: 'NL', ownerId: null }],
      contacts: [{ id: anna.id, name: 'Anna de Vries', email: 'anna@acme.example', companyId: acme.id }],
      deals: [{ id: ritaDeal.id, name: 'Rita deal', stage: 'qualified_to_buy', ownerId: 'rep-1', companyId: acme.id, amountMinor: 100_000, currency: 'EUR' }],
    });
  });

  it('leaves out what a rep may not see, exactly as if it did not exist', async () => {
    const { crm, acme, ritaBv, remyBv, otto, pia, ritaDeal, remyDeal } = MemoryCrm.withRecords();
    const ids = { companyIds: [acme.id, ritaBv.id, remyBv.id], contactIds: [otto.id, pia.id], dealIds: [ritaDeal.id, remyDeal.id] };
    const records = await new FindCrmRecordsHandler(crm).execute(new FindCrmRecordsQuery(ids, rep('rep-1')));
    expect([records.companies.map((c) => c.name), records.contacts.map((c) => c.name), records.deals.map((d) => d.name)]).toEqual([['Acme BV', 'Rita BV'], ['Otto Own'], ['Rita deal']]);
  });
});
