import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateCompanyCommand, CreateContactCommand, CreateDealCommand } from '@qa/crm-application';
import { QuoteListReader } from '@qa/quotes-application';
import { COMMON_TEXT_MATCHES, type SqlQuoteListReader } from '@qa/quotes-infrastructure';
import { pdfTextLines } from '@qa/shared-testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

type Json = Record<string, unknown>;

/** Quotes over HTTP on real PostgreSQL: the set-up flow, rules, authorisation, the list and the buyer's page. */
describe('quotes API', () => {
  let api: ApiTestApp;
  const cookies: Record<string, string> = {};
  let dealId: string;
  let contactId: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    for (const who of ['rep', 'rep2', 'manager', 'admin']) cookies[who] = await api.logIn(`${who}@example.com`);
    const commands = api.app.get(CommandBus);
    await RequestContext.create(api.app.get(MikroORM).em.fork(), async () => {
      const company = await commands.execute(new CreateCompanyCommand({ name: 'Acme BV' }));
      contactId = (await commands.execute(new CreateContactCommand({ name: 'Anna de Vries', email: 'anna@acme.example', companyId: company.id }))).id;
      const me = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookies['rep'] } })).json<{ id: string }>();
      dealId = (await commands.execute(new CreateDealCommand({ name: 'Acme website', amountMinor: 1_000_000, currency: 'EUR', ownerId: me.id, stage: 'qualified_to_buy', companyId: company.id }))).id;
    });
  });
  afterAll(() => api?.close());

  const call = (who: string, method: string, url: string, payload?: unknown) => api.request({ method, url, payload: payload as never, headers: { cookie: cookies[who] } });
  const quoteBody = (overrides: Json = {}) => ({
    title: 'Website redesign',
    dealId,
    recipientContactIds: [contactId],
    expiresOn: '2099-12-31',
    lineItems: [
      { productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '10' } },
      { productName: 'Hosting', quantity: 1, unitPrice: '49.99', billingPeriod: 'monthly' },
    ],
    quoteDiscount: { type: 'amount', value: '100' },
    commentsForBuyer: 'Looking forward to it.',
    purchaseTerms: 'Net 30.',
    ...overrides,
  });
  const create = async (who = 'rep', overrides: Json = {}) => {
    const response = await call(who, 'POST', '/api/v1/quotes', quoteBody(overrides));
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const get = async (id: string, who = 'rep') => (await call(who, 'GET', `/api/v1/quotes/${id}`)).json<Json & { version: number; status: string; sharePath: string | null }>();

  it('creates a draft with a Q-YYYY-NNNN number, exact totals and the company from the deal', async () => {
    const quote = await get(await create());
    expect(quote).toMatchObject({
      status: 'draft',
      number: expect.stringMatching(/^Q-\d{4}-\d{4}$/),
      currency: 'EUR',
      companyName: 'Acme BV',
      totals: { gross: '3049.99', subtotal: '2749.99', quoteDiscount: '100.00', total: '2649.99', effectiveDiscountPercent: '13.11', largestLineDiscountPercent: '10.00' },
      version: 1,
    });
    expect(quote['history']).toEqual([expect.objectContaining({ status: 'draft', previousStatus: null })]);
    expect(quote).toMatchObject({ dealName: 'Acme website', recipients: [{ id: contactId, name: 'Anna de Vries', email: 'anna@acme.example' }] });
    const pdf = await call('rep', 'GET', `/api/v1/quotes/${quote['id']}/pdf`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await call('rep2', 'GET', `/api/v1/quotes/${quote['id']}/pdf`)).statusCode).toBe(404);
  });

  it('numbers quotes uniquely under concurrent creation', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => create()));
    const numbers = await Promise.all(ids.map(async (id) => (await get(id)).number));
    expect(new Set(numbers).size).toBe(8);
  });

  it('names each invalid field and stores nothing', async () => {
    const before = (await call('rep', 'GET', '/api/v1/quotes?limit=100')).json<{ items: unknown[] }>().items.length;
    const response = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ title: '', expiresOn: '31-12-2099', lineItems: [{ productName: 'X', quantity: 0, unitPrice: 'ten' }] }));
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ details: { fields: Array<{ field: string }> } }>().details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'expiresOn', 'lineItems.0.quantity', 'lineItems.0.unitPrice']));
    const tooPrecise = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ lineItems: [{ productName: 'X', quantity: 1, unitPrice: '1.234' }] }));
    expect(tooPrecise.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'lineItems.0.unitPrice', reason: 'EUR has 2 decimals; "1.234" has 3' }] } });
    const unknownDeal = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ dealId: '01a218c8-cf57-701d-b9e5-000000000000' }));
    expect(unknownDeal.json()).toMatchObject({ statusCode: 422, code: 'QUOTES.UNKNOWN_REFERENCE', details: { fields: [{ field: 'dealId' }] } });
    const badCurrency = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ currency: 'XYZ' }));
    expect(badCurrency.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'currency' }] } });
    expect((await call('rep', 'GET', '/api/v1/quotes?limit=100')).json<{ items: unknown[] }>().items.length).toBe(before);
  });

  it('refuses payment terms that are not whole days from 0 to 365 and unknown billing periods, naming the field, and stores nothing', async () => {
    const before = (await call('rep', 'GET', '/api/v1/quotes?limit=100')).json<{ items: unknown[] }>().items.length;
    const daysReason = 'paymentTermsDays must be a whole number of days from 0 to 365';
    for (const paymentTermsDays of ['abc', 400, 366, -1, 7.5, null]) {
      const response = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ paymentTermsDays }));
      expect([paymentTermsDays, response.statusCode, response.json()]).toEqual([
        paymentTermsDays,
        400,
        expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'paymentTermsDays', reason: daysReason }] } }),
      ]);
    }
    const weekly = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ lineItems: [{ productName: 'Hosting', quantity: 1, unitPrice: '49.99', billingPeriod: 'weekly' }] }));
    expect(weekly.json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'lineItems.0.billingPeriod', reason: 'billingPeriod must be one of one_time, monthly, quarterly, yearly' }] },
    });
    const id = await create();
    const edit = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody({ paymentTermsDays: 366 }), version: 1 });
    expect(edit.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'paymentTermsDays', reason: daysReason }] } });
    expect((await get(id))['paymentTermsDays']).toBe(30);
    expect((await call('rep', 'GET', '/api/v1/quotes?limit=100')).json<{ items: unknown[] }>().items.length).toBe(before + 1);
  });

  it('keeps payment terms and billing periods through create, read, edit and the buyer’s page (net 30 days and one-time when left out)', async () => {
    const lineItems = [
      { productName: 'Design', quantity: 2, unitPrice: '1500.00' },
      { productName: 'Hosting', quantity: 1, unitPrice: '49.99', billingPeriod: 'monthly' },
      { productName: 'Support', quantity: 1, unitPrice: '300.00', billingPeriod: 'quarterly' },
      { productName: 'Licence', quantity: 1, unitPrice: '1200.00', billingPeriod: 'yearly' },
    ];
    const id = await create('rep', { paymentTermsDays: 45, lineItems, quoteDiscount: null });
    const created = await get(id);
    const periods = (quote: Json) => (quote['lineItems'] as Array<{ productName: string; billingPeriod: string; net: string }>).map((l) => [l.productName, l.billingPeriod, l.net]);
    expect(created['paymentTermsDays']).toBe(45);
    expect(periods(created)).toEqual([
      ['Design', 'one_time', '3000.00'],
      ['Hosting', 'monthly', '49.99'],
      ['Support', 'quarterly', '300.00'],
      ['Licence', 'yearly', '1200.00'],
    ]);
    // Recurring lines count once, as their first period.
    expect(created['totals']).toMatchObject({ gross: '4549.99', total: '4549.99' });

    const ids = (created['lineItems'] as Array<{ id: string }>).map((l) => l.id);
    const edited = await call('rep', 'PUT', `/api/v1/quotes/${id}`, {
      ...quoteBody({ paymentTermsDays: 0, quoteDiscount: null, lineItems: lineItems.map((l, i) => ({ ...l, id: ids[i], billingPeriod: i === 1 ? 'one_time' : l.billingPeriod })) }),
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect([edited.json<Json>()['paymentTermsDays'], periods(edited.json<Json>()).map(([, period]) => period)]).toEqual([0, ['one_time', 'one_time', 'quarterly', 'yearly']]);

    const defaults = await get(await create('rep', { lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '100.00' }] }));
    expect([defaults['paymentTermsDays'], periods(defaults)]).toEqual([30, [['Design', 'one_time', '100.00']]]);

    const live = (await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 2 })).json<{ sharePath: string }>();
    const shared = (await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${live.sharePath.slice(3)}` })).json<Json>();
    expect([shared['paymentTermsDays'], periods(shared).map(([, period]) => period)]).toEqual([0, ['one_time', 'one_time', 'quarterly', 'yearly']]);
  });

  it('keeps the quote’s language (English when left out, kept on an edit that leaves it out) and refuses another, naming the field', async () => {
    const id = await create('rep', { language: 'nl' });
    expect((await get(id))['language']).toBe('nl');
    const edited = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody(), version: 1 });
    expect(edited.json()).toMatchObject({ language: 'nl', version: 2 });
    expect((await get(await create()))['language']).toBe('en');
    for (const language of ['de', 'NL', '', null, 7]) {
      const response = await call('rep', 'POST', '/api/v1/quotes', quoteBody({ language }));
      expect([language, response.statusCode, response.json()]).toEqual([
        language,
        400,
        expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'language', reason: 'language must be one of en, nl' }] } }),
      ]);
    }
    const badEdit = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody({ language: 'fr' }), version: 2 });
    expect(badEdit.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'language' }] } });
    expect((await get(id))['language']).toBe('nl');
  });

  it('gives the buyer the page’s language and a PDF in the quote’s language', async () => {
    const id = await create('rep', { language: 'nl', paymentTermsDays: 14 });
    const live = (await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json<{ sharePath: string }>();
    const slug = live.sharePath.slice(3);
    expect((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}` })).json()).toMatchObject({ language: 'nl', paymentTermsDays: 14 });

    const text = pdfTextLines((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}/pdf` })).rawPayload);
    expect(text).toEqual(expect.arrayContaining(['Aantal', 'Betalingstermijn: 14 dagen netto']));
    expect(text.find((line) => line.startsWith('Totaal (EUR): '))).toMatch(/^Totaal \(EUR\): [\d.]+,\d{2}$/);
    expect(text.some((line) => line.startsWith('Payment terms'))).toBe(false);
    // The owner's download is the same document.
    expect(pdfTextLines((await call('rep', 'GET', `/api/v1/quotes/${id}/pdf`)).rawPayload)).toContain('Betalingstermijn: 14 dagen netto');
  });

  it('reads a quote stored before payment terms and billing periods: net 30 days; its lines one-time, or yearly for "annually"', async () => {
    const me = (await call('rep', 'GET', '/api/v1/me')).json<{ id: string }>();
    const id = randomUUID();
    const line = (productName: string, extra: Json) => ({ id: randomUUID(), productName, description: '', quantity: 1, unitPriceMinor: 10_000, discount: null, ...extra });
    const connection = api.app.get(MikroORM).em.fork().getConnection();
    // As the rows were written before: no payment_terms_days (the migration's default), lines without a billing period, with null, or "annually".
    await connection.execute(
      `insert into quotes_quote (id, version, number, owner_id, deal_id, status, title, currency, expires_on, recipient_contact_ids, comments_for_buyer, purchase_terms, line_items, total_minor, history, created_at, updated_at)
       values (?, 1, ?, ?, ?, 'draft', 'Stored before', 'EUR', '2099-12-31', '[]', '', '', ?, 30000, '[]', now(), now())`,
      [id, `Q-1998-${String(Date.now() % 1_000_000).padStart(6, '0')}`, me.id, dealId, JSON.stringify([line('Absent', {}), line('Null', { billingPeriod: null }), line('Annual', { billingPeriod: 'annually' })])],
    );
    const stored = await get(id);
    expect([stored['paymentTermsDays'], stored.version, (stored['lineItems'] as Array<{ billingPeriod: string }>).map((l) => l.billingPeriod)]).toEqual([30, 1, ['one_time', 'one_time', 'yearly']]);
    const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'approval_not_needed', version: 2, paymentTermsDays: 30, lineItems: [{ billingPeriod: 'one_time' }, { billingPeriod: 'one_time' }, { billingPeriod: 'yearly' }] });
  });

  it('lets reps see and change only their own quotes; managers see all; admins change any', async () => {
    const id = await create('rep');
    expect((await call('rep2', 'GET', `/api/v1/quotes/${id}`)).statusCode).toBe(404);
    expect((await call('rep2', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody(), version: 1 })).statusCode).toBe(404);
    expect((await call('manager', 'GET', `/api/v1/quotes/${id}`)).statusCode).toBe(200);
    const managerEdit = await call('manager', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody(), version: 1 });
    expect(managerEdit.json()).toMatchObject({ statusCode: 403, code: 'QUOTES.NOT_OWNER' });
    expect((await call('admin', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody({ title: 'By admin' }), version: 1 })).json()).toMatchObject({ title: 'By admin', version: 2 });
    const rep2List = (await call('rep2', 'GET', '/api/v1/quotes?limit=100')).json<{ items: Array<{ id: string }> }>();
    expect(rep2List.items.map((q) => q.id)).not.toContain(id);
  });

  it('edits only in Draft and refuses a stale version with 409', async () => {
    const id = await create();
    const stale = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody(), version: 7 });
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'QUOTES.STALE_VERSION', details: { currentVersion: 1 } });
    const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'approval_not_needed', version: 2 });
    const edit = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...quoteBody(), version: 2 });
    expect(edit.json()).toMatchObject({ statusCode: 409, code: 'QUOTES.NOT_EDITABLE' });
  });

  it('refuses to submit without a deal (422 naming dealId)', async () => {
    const id = await create('rep', { dealId: null });
    const response = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(response.json()).toMatchObject({ statusCode: 422, code: 'QUOTES.DEAL_REQUIRED', details: { fields: [{ field: 'dealId' }] } });
  });

  it('shares a submitted quote by an unguessable link with a PDF and Accept and sign; recall disables the link at once', async () => {
    const id = await create();
    const live = (await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json<{ sharePath: string; version: number }>();
    expect(live.sharePath).toMatch(/^\/q\/[A-Za-z0-9_-]{32}$/);
    const listed = (await call('rep', 'GET', '/api/v1/quotes?limit=100')).json<{ items: Array<{ id: string; sharePath: string | null }> }>().items.find((q) => q.id === id);
    expect(listed?.sharePath).toBe(live.sharePath);
    const slug = live.sharePath.slice(3);

    const shared = await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}` });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ title: 'Website redesign', recipients: [{ name: 'Anna de Vries', email: 'anna@acme.example' }], totals: { total: '2649.99' } });
    expect(shared.body).not.toContain('ownerId');

    const pdf = await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1000);

    const recalled = await call('rep', 'POST', `/api/v1/quotes/${id}/recall`, { version: live.version });
    expect(recalled.json()).toMatchObject({ status: 'draft', sharePath: null });
    expect((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}` })).statusCode).toBe(404);
    expect((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}/pdf` })).statusCode).toBe(404);

    const again = (await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: recalled.json<{ version: number }>().version })).json<{ sharePath: string }>();
    const newSlug = again.sharePath.slice(3);
    expect(newSlug).not.toBe(slug);
    const signed = await api.request({ method: 'POST', url: `/api/v1/shared-quotes/${newSlug}/sign`, payload: { name: 'Bea Buyer', email: 'Bea@Example.org' } });
    expect(signed.json()).toMatchObject({ status: 'signed', signature: { name: 'Bea Buyer', email: 'bea@example.org' } });
    const twice = await api.request({ method: 'POST', url: `/api/v1/shared-quotes/${newSlug}/sign`, payload: { name: 'Bea Buyer', email: 'bea@example.org' } });
    expect(twice.json()).toMatchObject({ statusCode: 409, code: 'QUOTES.INVALID_TRANSITION' });
    const history = (await get(id))['history'] as Array<{ status: string; by: string | null }>;
    expect(history.map((h) => h.status)).toEqual(['draft', 'approval_not_needed', 'draft', 'approval_not_needed', 'signed']);
    expect((await api.request({ method: 'GET', url: '/api/v1/shared-quotes/not-a-real-link' })).statusCode).toBe(404);
  });

  it('writes an integration event for every transition in the same transaction', async () => {
    const id = await create();
    await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    const rows: Array<{ name: string; actor_id: string }> = await api.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select name, actor_id from messaging_outbox where aggregate_id = ? order by aggregate_version, id`, [id]);
    expect(rows.map((r) => r.name)).toEqual(['quotes.quote.created.v1', 'quotes.quote.submitted.v1']);
    const me = (await call('rep', 'GET', '/api/v1/me')).json<{ id: string }>();
    expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set([me.id]));
  });

  it('lists with filters, text search, counts per status and keyset pages without gaps or repeats', async () => {
    type Page = { items: Array<{ id: string; companyName: string | null }>; nextCursor: string | null; countsByStatus: Record<string, number> };
    const page1 = (await call('manager', 'GET', '/api/v1/quotes?limit=5&sort=updatedAt&direction=desc')).json<Page>();
    const all = [...page1.items];
    let cursor: string | null = page1.nextCursor;
    while (cursor) {
      const page: Page = (await call('manager', 'GET', `/api/v1/quotes?limit=5&cursor=${encodeURIComponent(cursor)}`)).json<Page>();
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    const total = Object.values(page1.countsByStatus).reduce((a, b) => a + b, 0);
    expect(all.length).toBe(total);
    expect(new Set(all.map((q) => q.id)).size).toBe(total);

    const drafts = (await call('manager', 'GET', '/api/v1/quotes?status=draft&limit=100')).json<{ items: Array<{ status: string }>; countsByStatus: Record<string, number> }>();
    expect(drafts.items.every((q) => q.status === 'draft')).toBe(true);
    expect(drafts.items.length).toBe(drafts.countsByStatus['draft']);
    const byCompany = (await call('manager', 'GET', '/api/v1/quotes?q=acme&limit=100')).json<{ items: unknown[] }>();
    expect(byCompany.items.length).toBe(all.filter((q) => q.companyName === 'Acme BV').length);
    expect(byCompany.items.length).toBeGreaterThan(0);
    expect((await call('manager', 'GET', '/api/v1/quotes?q=no-such-thing')).json<{ items: unknown[] }>().items).toEqual([]);
    const badCursor = await call('manager', 'GET', '/api/v1/quotes?cursor=garbage');
    expect(badCursor.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'cursor' }] } });
    const badStatus = await call('manager', 'GET', '/api/v1/quotes?status=lost');
    expect(badStatus.json()).toMatchObject({ statusCode: 400, details: { fields: [{ field: 'status' }] } });
  });

  it('serves the list from indexes on PostgreSQL, also at 100,000 quotes, text search included, and counts from the counters', async () => {
    const orm = api.app.get(MikroORM);
    const connection = orm.em.fork().getConnection();
    await connection.execute(`
      insert into quotes_quote (id, version, number, owner_id, status, title, company_name, currency, expires_on, recipient_contact_ids, comments_for_buyer,
        purchase_terms, line_items, total_minor, history, created_at, updated_at)
      select gen_random_uuid()::text, 1, 'Q-1999-' || lpad(i::text, 6, '0'), 'owner-' || (i % 50), (array['draft','pending_approval','published','signed'])[1 + i % 4],
        'Bulk quote ' || i, 'Company ' || (i % 5000), 'EUR', '2099-12-31', '[]', '', '', '[]', i, '[]', now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
      from generate_series(1, 100000) as i`);
    await connection.execute('analyze quotes_quote');
    const reader = api.app.get(QuoteListReader) as SqlQuoteListReader;
    const explain = async (request: Omit<Parameters<SqlQuoteListReader['pageQuery']>[0], 'sort' | 'direction' | 'limit'>, options: { sortAllMatches?: boolean } = {}) => {
      const sql = reader.pageQuery({ sort: 'updatedAt', direction: 'desc', limit: 50, ...request }, options).getFormattedQuery();
      const plan: Array<{ 'QUERY PLAN': string }> = await connection.execute(`explain ${sql}`);
      return plan.map((row) => row['QUERY PLAN']).join('\n');
    };
    await RequestContext.create(orm.em.fork(), async () => {
      for (const request of [{}, { statuses: ['pending_approval' as const] }, { ownerId: 'owner-7' }]) {
        const plan = await explain(request);
        expect(plan).toMatch(/Index (Only )?Scan( Backward)? using quotes_quote_\w+_index/);
        expect(plan).not.toMatch(/Seq Scan on quotes_quote/);
      }
      // Text in the title or the company's name, with few matches (as list() runs it then): the
      // trigram index (pg_trgm).
      for (const request of [{ text: 'company 4711' }, { text: 'bulk quote 4242', statuses: ['published' as const] }]) {
        const plan = await explain(request, { sortAllMatches: true });
        expect(plan).toMatch(/Bitmap Index Scan on quotes_quote_search_index/);
        expect(plan).not.toMatch(/Seq Scan on quotes_quote/);
      }
    });
    const page = await RequestContext.create(orm.em.fork(), () => reader.list({ text: 'company 4711', sort: 'updatedAt', direction: 'desc', limit: 50 }));
    expect(page.items.map((q) => q.companyName)).toEqual(Array(20).fill('Company 4711'));
    const times = page.items.map((q) => q.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Keyset pages without gaps or repeats, with few matches (all sorted) and with many (by the index).
    for (const [text, pages, size] of [['company 4711', 4, 5], ['company 1', 3, 50]] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < pages; i++) {
        const next = await RequestContext.create(orm.em.fork(), () => reader.list({ text, sort: 'number', direction: 'asc', limit: size, cursor }));
        seen.push(...next.items.map((q) => q.number));
        cursor = next.nextCursor ?? undefined;
      }
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(pages * size);
    }
    // Counts for a search are exact up to 1,000 matches; above, they are left out (the list says "1,000+").
    const searched = (text: string) => RequestContext.create(orm.em.fork(), () => reader.list({ text, sort: 'updatedAt', direction: 'desc', limit: 50 }));
    const liveMatches = async (text: string) =>
      Object.fromEntries(
        ((await connection.execute(`select status, count(*)::int as n from quotes_quote where company_name ilike ? group by status`, [`%${text}%`])) as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
      );
    for (const text of ['company 4711', 'company 47']) {
      // The matches come from the trigram index however rare the word (never a table scan hoping to stop early).
      const { sql, bindings } = reader.textMatchesQuery({ text });
      const plan = ((await connection.execute(`explain ${sql}`, bindings)) as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Bitmap Index Scan on quotes_quote_search_index/);
      expect(plan).not.toMatch(/Seq Scan on quotes_quote/);
    }
    const few = await searched('company 471'); // Company 471 and 4710–4719: 220 quotes
    expect(few).toMatchObject({ countsComplete: true, countsByStatus: await liveMatches('company 471') });
    expect(Object.values(few.countsByStatus).reduce((a, b) => a + (b ?? 0), 0)).toBe(220);
    const many = await searched('company 47'); // 2,220 quotes
    expect(many).toMatchObject({ countsComplete: false, countsByStatus: {} });
    expect(many.items).toHaveLength(50);
    expect(many.items.every((q) => q.companyName?.startsWith('Company 47'))).toBe(true);

    // A common word (in every title here): its page comes from the list's own index, walked in
    // order and tested row by row, never from the trigram index (which would gather all 100,000
    // matches first); the counts are left out, with the database's estimate of the matches.
    const numbersOf = async (where: string, bindings: unknown[], limit: number) =>
      ((await connection.execute(`select number from quotes_quote where ${where} order by updated_at desc, id desc limit ${limit}`, bindings)) as Array<{ number: string }>).map((r) => r.number);
    const estimated = (filter: Parameters<SqlQuoteListReader['estimatedMatches']>[0]) => RequestContext.create(orm.em.fork(), () => reader.estimatedMatches(filter));
    expect(await estimated({ text: 'bulk quote' })).toBeGreaterThanOrEqual(COMMON_TEXT_MATCHES);
    expect(await estimated({ text: 'company 4711' })).toBeLessThan(COMMON_TEXT_MATCHES);
    const walkPlan = async (request: Omit<Parameters<SqlQuoteListReader['walkCommonText']>[0], 'sort' | 'direction' | 'limit'>) =>
      ((await RequestContext.create(orm.em.fork(), () => reader.walkCommonText({ sort: 'updatedAt', direction: 'desc', limit: 50, ...request }, { explain: true }))) as Array<{ 'QUERY PLAN': string }>)
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    // All quotes, and a rep's own (fewer than the walk's bound: still walked, not read and sorted).
    expect(await walkPlan({ text: 'bulk quote' })).toMatch(/Index Scan Backward using quotes_quote_updated_index/);
    expect(await walkPlan({ text: 'bulk quote', ownerId: 'owner-7' })).toMatch(/Index Scan Backward using quotes_quote_owner_updated_index/);
    for (const plan of [await walkPlan({ text: 'bulk quote' }), await walkPlan({ text: 'bulk quote', ownerId: 'owner-7' })]) expect(plan).not.toMatch(/quotes_quote_search_index|Seq Scan|Sort/);
    const common = await searched('bulk quote');
    expect(common).toMatchObject({ countsComplete: false, countsByStatus: {} });
    expect(common.approximateTotal).toBeGreaterThanOrEqual(50_000);
    expect(common.approximateTotal).toBeLessThanOrEqual(200_000);
    expect(common.items.map((q) => q.number)).toEqual(await numbersOf(`title ilike ?`, ['%bulk quote%'], 50));
    // Its pages follow one another without gaps or repeats.
    const second = await RequestContext.create(orm.em.fork(), () => reader.list({ text: 'BULK quote', sort: 'updatedAt', direction: 'desc', limit: 50, cursor: common.nextCursor ?? undefined }));
    expect(second.items.map((q) => q.number)).toEqual((await numbersOf(`title ilike ?`, ['%bulk quote%'], 100)).slice(50));
    // A rep's own quotes (an owner filter) with a common word: the page from the owner's quotes in
    // order; their 2,000 matches estimated to two digits.
    const own = await RequestContext.create(orm.em.fork(), () => reader.list({ text: 'bulk quote', ownerId: 'owner-7', sort: 'updatedAt', direction: 'desc', limit: 50 }));
    expect(own.items.map((q) => q.number)).toEqual(await numbersOf(`owner_id = 'owner-7' and title ilike ?`, ['%bulk quote%'], 50));
    expect(own).toMatchObject({ countsComplete: false, countsByStatus: {} });
    expect(own.approximateTotal).toBeGreaterThanOrEqual(1_000);
    expect(own.approximateTotal).toBeLessThanOrEqual(4_000);
    expect(String(own.approximateTotal)).toMatch(/^\d{1,2}0*$/);
    // A word in one title of nine (11,111 quotes) is not common by the statistics: counted up to
    // the cap, and its page sorted from all matches (the walk would look at nine rows per match).
    expect(await estimated({ text: 'bulk quote 1' })).toBeLessThan(COMMON_TEXT_MATCHES);
    const ones = await searched('bulk quote 1');
    expect(ones).toMatchObject({ countsComplete: false, countsByStatus: {} });
    expect(ones.approximateTotal).toBeUndefined();
    expect(ones.items.map((q) => q.number)).toEqual(await numbersOf(`title ilike ?`, ['%bulk quote 1%'], 50));
    // Fewer matches in the walk than a page (here: none in a status): the general path answers.
    expect((await RequestContext.create(orm.em.fork(), () => reader.list({ text: 'bulk quote', statuses: ['expired'], sort: 'updatedAt', direction: 'desc', limit: 50 }))).items).toEqual([]);
    // A quote's number, or its start, in any case: from the numbers' own index.
    const byNumber = reader.pageQuery({ text: 'q-1999-0123', sort: 'updatedAt', direction: 'desc', limit: 50 }, { sortAllMatches: true }).getFormattedQuery();
    const numberPlan = ((await connection.execute(`explain ${byNumber}`)) as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
    expect(numberPlan).toMatch(/Index Scan using quotes_quote_number_unique/);
    expect(numberPlan).not.toMatch(/quotes_quote_search_index|Seq Scan/);
    const numbered = await searched('q-1999-0123');
    expect(numbered.items.map((q) => q.number)).toEqual(await numbersOf(`number like 'Q-1999-0123%'`, [], 50));
    expect(numbered.items).toHaveLength(50);
    expect(numbered).toMatchObject({ countsComplete: true });
    expect(Object.values(numbered.countsByStatus).reduce((a, b) => a + (b ?? 0), 0)).toBe(100);
    expect((await searched('Q-1999-012345')).items.map((q) => q.number)).toEqual(['Q-1999-012345']);

    // The counters follow inserts (above: one statement of 100,000 rows), updates and deletes.
    await connection.execute(`update quotes_quote set status = 'expired' where number like 'Q-1999-0001%'`);
    await connection.execute(`update quotes_quote set owner_id = 'owner-new' where number like 'Q-1999-0002%'`);
    await connection.execute(`delete from quotes_quote where number like 'Q-1999-0003%'`);
    const live = async (ownerId?: string) =>
      Object.fromEntries(
        ((await connection.execute(`select status, count(*)::int as n from quotes_quote ${ownerId ? 'where owner_id = ?' : ''} group by status`, ownerId ? [ownerId] : [])) as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
      );
    const counted = (ownerId?: string) => RequestContext.create(orm.em.fork(), async () => (await reader.list({ ownerId, sort: 'updatedAt', direction: 'desc', limit: 1 })).countsByStatus);
    expect(await counted()).toEqual(await live());
    expect(await counted('owner-7')).toEqual(await live('owner-7'));
    expect(await counted('owner-new')).toEqual(await live('owner-new'));
    await connection.execute('truncate quotes_quote');
    expect(await counted()).toEqual({});
  });
});
