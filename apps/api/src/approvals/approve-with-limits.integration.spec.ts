import { pdfTextLines, waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type QuoteJson = Json & { status: string; version: number; sharePath: string | null; approvalLimits: Json | null; history: Array<Json>; totals: { total: string } };

/**
 * Approve with limits over HTTP, API + worker on PostgreSQL and Redis: the manager approves with
 * bounds; the rep changes the published quote within them (it stays published, the buyer's link
 * shows the change) and then beyond them (back to Draft, needing approval again). The buyer's page
 * and PDF never show the limits.
 */
describe('approve with limits (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'appr-limits', users: ['rep', 'manager', 'admin'] });
  const { call, ids } = system;
  let dealId: string;

  beforeAll(async () => {
    await system.start();
    dealId = await system.createDeal('Contoso');
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => system.stop());

  const quote = async (id: string, who = 'rep') => (await call(who, 'GET', `/api/v1/quotes/${id}`)).json<QuoteJson>();
  /** 10 licences of EUR 1,000.00 at `discount` % off. */
  const body = (discount: string, overrides: Json = {}) => ({
    title: 'Licences 2027',
    dealId,
    expiresOn: '2099-12-31',
    lineItems: [{ productName: 'Licences', quantity: 10, unitPrice: '1000.00', discount: { type: 'percent', value: discount } }],
    ...overrides,
  });
  const shared = (slug: string) => system.api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}` });
  const page = (id: string) => call('manager', 'GET', `/api/v1/approvals/quotes/${id}`);
  const roundOpen = (id: string, round: number) =>
    waitUntil(
      async () => {
        const response = await page(id);
        return response.statusCode === 200 && response.json<{ current: { round: number; status: string } }>().current.round === round && response.json<{ canDecide: boolean }>().canDecide;
      },
      { timeoutMs: 20_000, describe: async () => `${(await page(id)).body}\nworker: ${system.worker.output().slice(-2000)}` },
    );

  it('approves with limits, keeps the quote published through an edit within them, and sends it back to Draft for an edit beyond them', async () => {
    const id = (await call('rep', 'POST', '/api/v1/quotes', body('10'))).json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    await roundOpen(id, 1);
    const approve = (limits: unknown) => call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1, limits });

    // Bad bounds: 422 naming each field; no bound at all: 422 on `limits`; a wrong type: 400 from the request validation.
    expect((await approve({ maxDiscountPercent: '150', minTotal: '-1' })).json()).toMatchObject({
      statusCode: 422,
      code: 'APPROVALS.INVALID_LIMITS',
      details: { fields: [{ field: 'limits.maxDiscountPercent' }, { field: 'limits.minTotal' }] },
    });
    expect((await approve({ maxDiscountPercent: '15', minTotal: '8000.001' })).json()).toMatchObject({ statusCode: 422, details: { fields: [{ field: 'limits.minTotal' }] } });
    expect((await approve({})).json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.INVALID_LIMITS', details: { fields: [{ field: 'limits' }] } });
    expect((await approve({ maxDiscountPercent: 15 })).statusCode).toBe(400);
    // The quote (10 % off, EUR 9,000.00) must already be within the limits.
    expect((await approve({ maxDiscountPercent: '5', minTotal: '9000.01' })).json()).toMatchObject({
      statusCode: 422,
      code: 'APPROVALS.LIMITS_NOT_MET',
      details: {
        broken: [
          { bound: 'maxDiscountPercent', limit: '5.00', actual: '10.00', on: 'line', productName: 'Licences' },
          { bound: 'minTotal', limit: '9000.01', actual: '9000.00', currency: 'EUR' },
        ],
      },
    });
    const approved = await approve({ maxDiscountPercent: '15', minTotal: '8000' });
    expect(approved.json()).toMatchObject({ status: 'approved', limits: { maxDiscountPercent: '15.00', minTotal: '8000.00' }, decisions: [{ approverId: ids['manager'], limits: { maxDiscountPercent: '15.00', minTotal: '8000.00' } }] });

    // The quote follows: published, with the limits for the rep, managers and admins.
    const published = await waitUntil(async () => ((await quote(id)).status === 'published' ? quote(id) : null), { timeoutMs: 20_000, describe: async () => `status ${(await quote(id)).status}` });
    expect(published.approvalLimits).toEqual({ maxDiscountPercent: '15.00', minTotal: '8000.00', currency: 'EUR' });
    for (const who of ['manager', 'admin']) expect((await quote(id, who)).approvalLimits).toEqual(published.approvalLimits);
    const slug = published.sharePath!.slice(3);

    // The buyer never sees them: not on the page, not in the PDF.
    const buyerPage = await shared(slug);
    expect(buyerPage.statusCode).toBe(200);
    expect(buyerPage.json<Json>()).not.toHaveProperty('approvalLimits');
    expect(buyerPage.body).not.toMatch(/limit|maxDiscount|minTotal/i);
    const pdf = pdfTextLines((await system.api.request({ method: 'GET', url: `/api/v1/shared-quotes/${slug}/pdf` })).rawPayload);
    expect(pdf.some((line) => /8[.,]?000[.,]00|limit|15[.,]00 ?%/i.test(line))).toBe(false);

    // Within the limits (15 % off exactly: EUR 8,500.00): still published, same link, the buyer sees the change.
    const within = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...body('15', { title: 'Licences 2027 (revised)' }), version: published.version });
    expect(within.statusCode).toBe(200);
    expect(within.json()).toMatchObject({
      status: 'published',
      version: published.version + 1,
      sharePath: published.sharePath,
      approvalLimitsCheck: { code: 'changed-within-approved-limits', broken: [] },
      totals: { total: '8500.00' },
    });
    expect(within.json<QuoteJson>().history.at(-1)).toMatchObject({ status: 'published', previousStatus: 'published', by: ids['rep'], approvalLimitsCheck: { code: 'changed-within-approved-limits' } });
    expect((await shared(slug)).json()).toMatchObject({ title: 'Licences 2027 (revised)', totals: { total: '8500.00' } });
    expect((await shared(slug)).json<Json>()).not.toHaveProperty('history');

    // Beyond them (20 % off): back to Draft, the link dead, approval needed again.
    const beyond = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...body('20'), version: published.version + 1 });
    expect(beyond.statusCode).toBe(200);
    expect(beyond.json()).toMatchObject({
      status: 'draft',
      sharePath: null,
      approvalLimits: null,
      approvalLimitsCheck: { code: 'approval-limits-exceeded', broken: [{ bound: 'maxDiscountPercent', limit: '15.00', actual: '20.00', on: 'line', productName: 'Licences' }] },
    });
    expect((await shared(slug)).statusCode).toBe(404);
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: published.version + 2 })).json()).toMatchObject({ status: 'pending_approval' });
    await roundOpen(id, 2);
    expect((await page(id)).json()).toMatchObject({ current: { round: 2, status: 'pending', limits: null } });
  });

  it('refuses an edit of a quote approved without limits, as before', async () => {
    const id = (await call('rep', 'POST', '/api/v1/quotes', body('10', { title: 'No limits' }))).json<{ id: string }>().id;
    await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    await roundOpen(id, 1);
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ status: 'approved', limits: null });
    const published = await waitUntil(async () => ((await quote(id)).status === 'published' ? quote(id) : null), { timeoutMs: 20_000 });
    expect(published.approvalLimits).toBeNull();
    expect((await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...body('10'), version: published.version })).json()).toMatchObject({ statusCode: 409, code: 'QUOTES.NOT_EDITABLE' });
  });
});
