import { describe, expect, it } from 'vitest';
import { manager, MemoryCrm, rep } from '../../testing/in-memory-crm';
import { ListDealsQuery } from './list-deals.query';
import { ListDealsHandler } from './list-deals.handler';

describe('ListDealsHandler', () => {
  it('lists a rep their own deals only, even when they ask for another owner’s', async () => {
    const { crm } = MemoryCrm.withRecords();
    const handler = new ListDealsHandler(crm);
    const names = async (query: ListDealsQuery) => (await handler.execute(query)).map((d) => d.name);
    expect(await names(new ListDealsQuery({}, rep('rep-1')))).toEqual(['Rita deal']);
    expect(await names(new ListDealsQuery({ ownerId: 'rep-2' }, rep('rep-1')))).toEqual([]);
    expect(await names(new ListDealsQuery({ ownerId: 'rep-2' }, manager))).toEqual(['Remy deal']);
    expect(await names(new ListDealsQuery({ search: 'deal' }, manager))).toEqual(['Remy deal', 'Rita deal']);
  });
});
