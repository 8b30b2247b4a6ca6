import { describe, expect, it } from 'vitest';
import { manager, MemoryCrm, rep } from '../../testing/in-memory-crm';
import { ListContactsQuery } from './list-contacts.query';
import { ListContactsHandler } from './list-contacts.handler';

describe('ListContactsHandler', () => {
  it('lists a rep the shared contacts and their own, by company and text', async () => {
    const { crm, acme } = MemoryCrm.withRecords();
    const handler = new ListContactsHandler(crm);
    const names = async (query: ListContactsQuery) => (await handler.execute(query)).map((c) => c.name);
    expect(await names(new ListContactsQuery({}, rep('rep-1')))).toEqual(['Anna de Vries', 'Otto Own']);
    expect(await names(new ListContactsQuery({}, manager))).toEqual(['Anna de Vries', 'Otto Own', 'Pia Private']);
    expect(await names(new ListContactsQuery({ companyId: acme.id }, manager))).toEqual(['Anna de Vries']);
    expect(await names(new ListContactsQuery({ search: 'remy.example' }))).toEqual(['Pia Private']);
  });
});
