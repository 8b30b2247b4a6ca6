import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateCompanyCommand, CreateDealCommand } from '@qa/crm-application';
import { ManualClock } from '@qa/shared-kernel';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** The buyer's endpoints (no login): signing against the clock, and rate limits per client address. */
describe("buyer's page API (/api/v1/shared-quotes)", () => {
  const clock = new ManualClock();
  let api: ApiTestApp;
  let repCookie: string;
  let dealId: string;

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: `qa-buyer-${randomBytes(3).toString('hex')}` }, { clock });
    await api.seedDemoUsers();
    repCookie = await api.logIn('rep@example.com');
    const me = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>();
    await RequestContext.create(api.app.get(MikroORM).em.fork(), async () => {
      const commands = api.app.get(CommandBus);
      const company = await commands.execute(new CreateCompanyCommand({ name: 'Acme BV' }));
      dealId = (await commands.execute(new CreateDealCommand({ name: 'Acme website', amountMinor: 1_000_000, currency: 'EUR', ownerId: me.id, stage: 'qualified_to_buy', companyId: company.id }))).id;
    });
  });
  afterAll(() => api?.close());

  const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  /** A quote live on its link (no approval needed), expiring at the end of `expiresOn`. */
  const sharedQuote = async (expiresOn: string) => {
    // Sessions follow the clock too: log in at the clock's time.
    repCookie = await api.logIn('rep@example.com');
    const created = await api.request({
      method: 'POST',
      url: '/api/v1/quotes',
      headers: { cookie: repCookie },
      payload: { title: 'Website', dealId, recipientContactIds: [], expiresOn, lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const live = (await api.request({ method: 'POST', url: `/api/v1/quotes/${id}/submit`, headers: { cookie: repCookie }, payload: { version: 1 } })).json<{ sharePath: string; status: string }>();
    expect(live.sharePath).toMatch(/^\/q\//);
    return { id, slug: live.sharePath.slice(3), status: live.status };
  };
  const row = async (id: string) =>
    (await api.app.get(MikroORM).em.fork().getConnection().execute<Array<{ status: string; signature: unknown }>>('select status, signature from quotes_quote where id = ?', [id]))[0]!;
  const signAs = (slug: string, remoteAddress: string) => api.request({ method: 'POST', url: `/api/v1/shared-quotes/${slug}/sign`, payload: { name: 'Bea Buyer', email: 'bea@example.org' }, remoteAddress });

  it('refuses to sign after the expiry date (409 QUOTES.EXPIRED) before the expiry job ran, and changes nothing', async () => {
    const quote = await sharedQuote(day(1));
    // The end of the expiry day has passed; no expiry job or sweep has run.
    clock.advance(2 * 86_400_000);
    const refused = await signAs(quote.slug, '198.51.100.1');
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'QUOTES.EXPIRED', details: { expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(await row(quote.id)).toMatchObject({ status: quote.status, signature: null });
    const events = await api.app.get(MikroORM).em.fork().getConnection().execute<unknown[]>(`select id from messaging_outbox where aggregate_id = ? and name = 'quotes.quote.signed.v1'`, [quote.id]);
    expect(events).toHaveLength(0);
  });

  it('signs up to the last moment of the expiry day', async () => {
    const quote = await sharedQuote(day(0));
    const endOfDay = new Date(`${day(0)}T23:59:59.000Z`);
    clock.set(endOfDay);
    const signed = await signAs(quote.slug, '198.51.100.2');
    expect(signed.json()).toMatchObject({ status: 'signed', signature: { name: 'Bea Buyer' } });
  });

  it('answers 429 SHARED_QUOTES.RATE_LIMITED past the limit per client address, on the page, the PDF and signing; other addresses go on', async () => {
    const quote = await sharedQuote(day(30));
    const address = `203.0.113.${1 + (randomBytes(1)[0]! % 200)}`;
    const page = (remoteAddress: string) => api.request({ method: 'GET', url: `/api/v1/shared-quotes/${quote.slug}`, remoteAddress });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await page(address)).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await page(address);
    expect(statuses[60]).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'SHARED_QUOTES.RATE_LIMITED', details: { limit: 60, retryAfterSeconds: expect.any(Number) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await page('198.51.100.77')).statusCode).toBe(200);

    // Guessing links counts too: unknown links are limited like known ones.
    const guesses: number[] = [];
    for (let i = 0; i < 61; i += 1) guesses.push((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${randomBytes(24).toString('base64url')}`, remoteAddress: '198.51.100.99' })).statusCode);
    expect(guesses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(guesses[60]).toBe(429);

    const pdfAddress = '198.51.100.150';
    const pdfs: number[] = [];
    for (let i = 0; i < 21; i += 1) pdfs.push((await api.request({ method: 'GET', url: `/api/v1/shared-quotes/${quote.slug}/pdf`, remoteAddress: pdfAddress })).statusCode);
    expect(pdfs.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(pdfs[20]).toBe(429);

    const signAddress = '198.51.100.200';
    const signs: number[] = [];
    const unknown = randomBytes(24).toString('base64url');
    for (let i = 0; i < 10; i += 1) signs.push((await signAs(unknown, signAddress)).statusCode);
    expect(signs.every((s) => s === 404)).toBe(true);
    const blocked = await signAs(quote.slug, signAddress);
    expect(blocked.json()).toMatchObject({ statusCode: 429, code: 'SHARED_QUOTES.RATE_LIMITED' });
    // Refused before it acted: the quote is not signed.
    expect((await row(quote.id)).signature).toBeNull();
  });
});
