import { describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../testing/in-memory-crm';
import { CreateCompanyCommand } from './create-company.command';
import { CreateCompanyHandler } from './create-company.handler';

describe('CreateCompanyHandler', () => {
  it('adds a company, trimmed; shared without an owner', async () => {
    const crm = new MemoryCrm();
    const handler = new CreateCompanyHandler(crm);
    const own = await handler.execute(new CreateCompanyCommand({ name: ' Acme BV ', domain: ' ', ownerId: 'rep-1' }));
    const shared = await handler.execute(new CreateCompanyCommand({ name: 'Globex', domain: 'globex.example' }));
    expect([own.name, own.domain, own.ownerId, shared.domain, shared.ownerId]).toEqual(['Acme BV', null, 'rep-1', 'globex.example', null]);
    expect(crm.saved).toEqual([own, shared]);
  });
});
