import { MikroORM, RequestContext } from '@mikro-orm/core';
import { QueryBus } from '@nestjs/cqrs';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';

/**
 * PATCH /api/v1/crm/companies/:id over HTTP: managers and admins change a company's name, domain
 * and country (what approvals route on); reps are refused; bad input is named by field.
 */
describe("changing a company's name, domain and country", () => {
  let api: LoggedInApiTestApp;
  const summaryOf = async (companyId: string) =>
    (await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(QueryBus).execute(new FindCrmRecordsQuery({ companyIds: [companyId] })))).companies[0];
  const newCompany = async (who: string, body: Record<string, unknown>) => (await api.call(who, 'POST', '/api/v1/crm/companies', body)).json<{ id: string }>().id;

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin']);
  });
  afterAll(() => api?.close());

  it("lets a manager set a company's country, which the company summary then has; null clears it", async () => {
    const id = await newCompany('rep', { name: 'Initech', domain: 'initech.example' });
    const changed = await api.call('manager', 'PATCH', `/api/v1/crm/companies/${id}`, { country: 'de', name: ' Initech GmbH ' });
    expect([changed.statusCode, changed.json()]).toEqual([200, { id, name: 'Initech GmbH', domain: 'initech.example', country: 'DE', ownerId: expect.any(String) }]);
    expect(await summaryOf(id)).toEqual({ id, name: 'Initech GmbH', country: 'DE', ownerId: changed.json().ownerId });
    const listed = (await api.call('manager', 'GET', '/api/v1/crm/companies?search=Initech')).json<{ items: Array<Record<string, unknown>> }>().items;
    expect(listed).toEqual([{ id, name: 'Initech GmbH', domain: 'initech.example', country: 'DE', ownerId: changed.json().ownerId }]);

    const cleared = await api.call('admin', 'PATCH', `/api/v1/crm/companies/${id}`, { country: null, domain: null });
    expect([cleared.statusCode, cleared.json()]).toMatchObject([200, { name: 'Initech GmbH', domain: null, country: null }]);
    expect((await summaryOf(id))?.country).toBeNull();
  });

  it('refuses a rep (403), even for their own company, and changes nothing', async () => {
    const id = await newCompany('rep', { name: 'Rep Own BV', country: 'NL' });
    const refused = await api.call('rep', 'PATCH', `/api/v1/crm/companies/${id}`, { country: 'BE' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    expect((await summaryOf(id))?.country).toBe('NL');
  });

  it('refuses a bad country (422) and an empty name (400, 422 for blanks) with the field, changing nothing', async () => {
    const id = await newCompany('manager', { name: 'Umbrella BV', country: 'NL' });
    const badCountry = await api.call('manager', 'PATCH', `/api/v1/crm/companies/${id}`, { name: 'Renamed', country: 'XX' });
    expect([badCountry.statusCode, badCountry.json()]).toMatchObject([
      422,
      { code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code like NL' }] } },
    ]);
    const emptyName = await api.call('manager', 'PATCH', `/api/v1/crm/companies/${id}`, { name: '' });
    expect([emptyName.statusCode, emptyName.json()]).toMatchObject([400, { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'name', reason: 'name must not be empty' }] } }]);
    const blankName = await api.call('manager', 'PATCH', `/api/v1/crm/companies/${id}`, { name: '   ' });
    expect([blankName.statusCode, blankName.json()]).toMatchObject([422, { code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'name', reason: 'must not be empty' }] } }]);
    const notText = await api.call('manager', 'PATCH', `/api/v1/crm/companies/${id}`, { country: 31, unknown: true });
    expect([notText.statusCode, notText.json<{ details: { fields: Array<{ field: string }> } }>().details.fields.map((f) => f.field).sort()]).toEqual([400, ['country', 'unknown']]);
    expect(await summaryOf(id)).toMatchObject({ name: 'Umbrella BV', country: 'NL' });
  });

  it('answers 404 for an unknown company and 400 for an id that is not one', async () => {
    const unknown = await api.call('manager', 'PATCH', '/api/v1/crm/companies/0190a000-0000-7000-8000-000000000000', { country: 'NL' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CRM.COMPANY_NOT_FOUND']);
    const notAnId = await api.call('manager', 'PATCH', '/api/v1/crm/companies/acme', { country: 'NL' });
    expect(notAnId.statusCode).toBe(400);
  });
});
