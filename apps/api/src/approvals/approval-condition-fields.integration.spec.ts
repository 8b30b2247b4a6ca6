import { MikroORM, RequestContext } from '@mikro-orm/core';
import { PropertyStore } from '@qa/workflows-application';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';

type Reason = Record<string, unknown>;
type Preview = { required: boolean; route: { rules: Array<{ ruleName: string; reasons: Reason[] }> } | null };

/**
 * The company's country, the total in the account's base currency and a property set on the
 * quote, as approval conditions over HTTP: each routes a quote; bad values are refused with the
 * field path.
 */
describe('approval conditions on company country, total in base currency and quote properties', () => {
  let api: LoggedInApiTestApp;
  const ids: Record<string, string> = {};
  const route = () => [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['manager'] }] }] }];
  const rules = () => [
    { name: 'German customers', when: [{ conditions: [{ field: 'companyCountry', operator: 'in', value: ['de', 'AT'] }] }], route: route(), firstMatchOnly: false },
    { name: 'Big in dollars', when: [{ conditions: [{ field: 'totalInBaseCurrency', operator: 'gt', value: '10000' }] }], route: route(), firstMatchOnly: false },
    { name: 'High risk', when: [{ conditions: [{ field: 'quoteProperty', property: 'risk_level', operator: 'eq', value: 'high' }] }], route: route(), firstMatchOnly: false },
  ];
  const quote = async (extra: Record<string, unknown>, unitPrice = '100.00') =>
    (
      await api.call('rep', 'POST', '/api/v1/quotes', {
        title: 'Website redesign',
        currency: 'EUR',
        expiresOn: '2099-01-31',
        lineItems: [{ productName: 'Design', quantity: 1, unitPrice }],
        ...extra,
      })
    ).json<{ id: string }>().id;
  const preview = async (quoteId: string) => (await api.call('rep', 'GET', `/api/v1/approvals/quotes/${quoteId}/preview`)).json<Preview>();

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin']);
    for (const u of (await api.call('admin', 'GET', '/api/v1/users')).json<{ items: Array<{ id: string; email: string }> }>().items) ids[u.email.split('@')[0]!] = u.id;
    const saved = await api.call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['admin'], rules: rules(), baseCurrency: 'usd', exchangeRates: { eur: '1.1', JPY: '0.0067' } });
    expect(saved.json()).toMatchObject({ baseCurrency: 'USD', exchangeRates: { EUR: '1.1', JPY: '0.0067' }, version: 1 });
  });
  afterAll(() => api?.close());

  it('lists the three fields with their types and operators', async () => {
    const fields = (await api.call('admin', 'GET', '/api/v1/approvals/condition-fields')).json<Array<{ field: string; type: string; operators: string[] }>>();
    expect(fields.filter((f) => ['companyCountry', 'totalInBaseCurrency', 'quoteProperty'].includes(f.field))).toEqual([
      { field: 'companyCountry', type: 'country', operators: ['eq', 'neq', 'in', 'notIn'] },
      { field: 'totalInBaseCurrency', type: 'money', operators: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'] },
      { field: 'quoteProperty', type: 'property', operators: ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte'] },
    ]);
  });

  it("keeps a company's country in capitals and refuses an unknown one with the field", async () => {
    const created = await api.call('manager', 'POST', '/api/v1/crm/companies', { name: 'Müller GmbH', country: 'de' });
    expect(created.json()).toMatchObject({ name: 'Müller GmbH', country: 'DE' });
    expect((await api.call('manager', 'POST', '/api/v1/crm/companies', { name: 'Nowhere Ltd' })).json()).toMatchObject({ country: null });
    const bad = await api.call('manager', 'POST', '/api/v1/crm/companies', { name: 'Nowhere Ltd', country: 'XX' });
    expect(bad.json()).toMatchObject({ statusCode: 422, code: 'CRM.INVALID_COMPANY', details: { fields: [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code like NL' }] } });
  });

  it("routes a quote by its company's country; a quote without a company matches nothing", async () => {
    const { id: companyId } = (await api.call('manager', 'POST', '/api/v1/crm/companies', { name: 'Globex GmbH', country: 'DE' })).json<{ id: string }>();
    const german = await preview(await quote({ companyId }));
    expect(german.route?.rules).toEqual([{ ruleId: expect.any(String), ruleName: 'German customers', reasons: [{ code: 'condition', field: 'companyCountry', operator: 'in', expected: ['DE', 'AT'], actual: 'DE' }] }]);
    expect((await preview(await quote({}))).required).toBe(false);
  });

  it('routes a quote by its total in the base currency; a currency without a rate matches nothing', async () => {
    // EUR 10,000.00 at 1.1 = USD 11,000.00
    const big = await preview(await quote({}, '10000.00'));
    expect(big.route?.rules).toEqual([
      { ruleId: expect.any(String), ruleName: 'Big in dollars', reasons: [{ code: 'condition', field: 'totalInBaseCurrency', operator: 'gt', expected: '10000', actual: '11000.00', currency: 'USD' }] },
    ]);
    // EUR 9,090.90 at 1.1 = USD 9,999.99
    expect((await preview(await quote({}, '9090.90'))).required).toBe(false);
    // GBP has no rate: whatever the amount
    expect((await preview(await quote({ currency: 'GBP' }, '1000000.00'))).required).toBe(false);
    // in the base currency itself, no rate is needed
    expect((await preview(await quote({ currency: 'USD' }, '10000.01'))).route?.rules.map((r) => r.ruleName)).toEqual(['Big in dollars']);
  });

  it('routes a quote by a property set on it (case-insensitive)', async () => {
    const id = await quote({});
    expect((await preview(id)).required).toBe(false);
    await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(PropertyStore).set('quote', id, 'risk_level', 'High', ids['admin']!, null));
    expect((await preview(id)).route?.rules).toEqual([
      { ruleId: expect.any(String), ruleName: 'High risk', reasons: [{ code: 'condition', field: 'quoteProperty', property: 'risk_level', operator: 'eq', expected: 'high', actual: 'High' }] },
    ]);
  });

  it('keeps base currency and rates when a save leaves them out', async () => {
    const { version } = (await api.call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>();
    const saved = await api.call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['admin'], rules: rules(), version });
    expect(saved.json()).toMatchObject({ baseCurrency: 'USD', exchangeRates: { EUR: '1.1', JPY: '0.0067' }, version: version + 1 });
    // the optimistic check covers them too
    const stale = await api.call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['admin'], rules: rules(), baseCurrency: 'EUR', exchangeRates: {}, version });
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.STALE_SETTINGS' });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown country', { rules: [{ ...rulesOf('companyCountry', 'eq', 'XX') }] }, 'rules.0.when.0.conditions.0.value', 'must be an ISO 3166-1 alpha-2 country code like NL'],
    ['an amount that is no amount', { rules: [{ ...rulesOf('totalInBaseCurrency', 'gt', '10,000') }] }, 'rules.0.when.0.conditions.0.value', 'must be an amount like 10000 or 10000.50'],
    ['a property name with capitals', { rules: [{ ...rulesOf('quoteProperty', 'eq', 'high', 'Risk') }] }, 'rules.0.when.0.conditions.0.property', 'must be a property name of 1 to 64 characters: a-z, 0-9 and _'],
    ['text for a property compared as a number', { rules: [{ ...rulesOf('quoteProperty', 'gt', 'high', 'risk_score') }] }, 'rules.0.when.0.conditions.0.value', 'must be a number like 10 or 2.5'],
    ['an unknown base currency', { rules: [], baseCurrency: 'EURO' }, 'baseCurrency', 'must be an ISO 4217 currency code like EUR'],
    ['a rate of an unknown currency', { rules: [], exchangeRates: { ABC: '1' } }, 'exchangeRates.ABC', 'must be an ISO 4217 currency code like USD'],
    ['a rate with 11 decimals', { rules: [], exchangeRates: { GBP: '1.17000000001' } }, 'exchangeRates.GBP', 'must be a positive decimal with at most 10 decimals, like 1.0825'],
    ['a rate of 0', { rules: [], exchangeRates: { GBP: '0' } }, 'exchangeRates.GBP', 'must be a positive decimal with at most 10 decimals, like 1.0825'],
  ])('refuses %s with 422 and the field path, and saves nothing', async (_what, body, field, reason) => {
    const before = (await api.call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>();
    const bad = await api.call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['admin'], ...body });
    expect(bad.json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.INVALID_SETTINGS', details: { fields: [{ field, reason }] } });
    expect((await api.call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ version: before.version, baseCurrency: 'USD' });
  });

  function rulesOf(field: string, operator: string, value: unknown, property?: string) {
    return { name: 'Bad', when: [{ conditions: [{ field, operator, value, ...(property ? { property } : {}) }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] }] }], firstMatchOnly: true };
  }
});
