import { describe, expect, it } from 'vitest';
import { manager, MemoryCrm, rep } from '../../testing/in-memory-crm';
import { ListCompaniesQuery } from './list-companies.query';
import { ListCompaniesHandler } from './list-companies.handler';

describe('ListCompaniesHandler', () => {
  it('lists a rep the shared companies, their own and those of their deals; managers and the system all', async () => {
    const { crm } = MemoryCrm.withRecords();
    const handler = new ListCompaniesHandler(crm);
    const names = async (query: ListCompaniesQuery) => (await handler.execute(query)).map((c) => c.name);
    expect(await names(new ListCompaniesQuery(undefined, rep('rep-1')))).toEqual(['Acme BV', 'Rita BV']);
    expect(await names(new ListCompaniesQuery(undefined, rep('rep-2')))).toEqual(['Acme BV', 'Remy BV']);
    expect(await names(new ListCompaniesQuery(undefined, manager))).toEqual(['Acme BV', 'Remy BV', 'Rita BV']);
    expect(await names(new ListCompaniesQuery('re'))).toEqual(['Remy BV']);
  });
});
