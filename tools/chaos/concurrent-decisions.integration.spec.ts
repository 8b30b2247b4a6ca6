import { waitUntil } from '@qa/shared-testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../../apps/api/src/testing/api-with-worker';

/**
 * Fault injection, issue 7 point 7: many decisions on one quote at the same moment. The approver
 * fires 50 approve / request-changes calls at once (mixed) on a quote in Pending approval:
 * exactly one wins, the other 49 answer 409 with a code, and the quote's history shows exactly
 * one decision. `npm run chaos` (CHAOS_FULL=1) repeats it on several quotes.
 */
const FULL = process.env['CHAOS_FULL'] === '1';
const CALLS = 50;
const QUOTES = FULL ? 6 : 2;

type Json = Record<string, unknown>;

describe('50 concurrent decisions on one quote', { timeout: 180_000 }, () => {
  const system = new ApiWithWorker({ name: 'chaos-dec', users: ['rep', 'manager', 'admin'] });
  const { call, ids } = system;
  let db: Client;
  let dealId: string;

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    dealId = await system.createDeal('Race');
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<Json & { status: string; history: Array<{ status: string; by: string | null }> }>();

  /** A quote of the rep in Pending approval, with its approval round opened (by the worker). */
  async function pendingQuote(title: string): Promise<string> {
    const created = await call('rep', 'POST', '/api/v1/quotes', { title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ canDecide?: boolean }>().canDecide === true, { timeoutMs: 30_000 });
    return id;
  }

  for (let n = 1; n <= QUOTES; n++) {
    it(`quote ${n}/${QUOTES}: one of ${CALLS} mixed decisions wins, ${CALLS - 1} answer 409, one decision in the history`, async () => {
      const id = await pendingQuote(`Race ${n}`);
      // Alternate, starting with a different kind each quote, so both kinds win sometimes.
      const kinds = Array.from({ length: CALLS }, (_, i) => ((i + n) % 2 === 0 ? 'approve' : 'request-changes'));
      // Every other quote spreads the calls over ~40 ms: some then lose on the row version
      // (CONCURRENT_UPDATE), some arrive after the decision (APPROVALS.ALREADY_DECIDED).
      const spreadMs = n % 2 === 0 ? 40 : 0;
      const started = Date.now();
      const responses = await Promise.all(
        kinds.map((kind, i) =>
          new Promise((r) => setTimeout(r, spreadMs ? (i * 7) % spreadMs : 0)).then(() =>
            call('manager', 'POST', `/api/v1/approvals/quotes/${id}/${kind}`, kind === 'approve' ? { round: 1 } : { round: 1, notes: `Change #${i}` }),
          ).then((r) => ({ kind, i, response: r })),
        ),
      );
      const byStatus = responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.response.statusCode]: (acc[r.response.statusCode] ?? 0) + 1 }), {});
      const codes = responses
        .filter((r) => r.response.statusCode === 409)
        .reduce<Record<string, number>>((acc, r) => {
          const code = r.response.json<{ code: string }>().code;
          return { ...acc, [code]: (acc[code] ?? 0) + 1 };
        }, {});
      console.log(`[chaos] quote ${n}: ${CALLS} decisions in ${Date.now() - started} ms; statuses ${JSON.stringify(byStatus)}; 409 codes ${JSON.stringify(codes)}`);

      const winners = responses.filter((r) => r.response.statusCode >= 200 && r.response.statusCode < 300);
      const losers = responses.filter((r) => r.response.statusCode === 409);
      const others = responses.filter((r) => !winners.includes(r) && !losers.includes(r)).map((r) => `#${r.i} ${r.kind}: ${r.response.statusCode} ${r.response.body.slice(0, 300)}`);
      expect(others, 'answers other than 2xx and 409').toEqual([]);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(CALLS - 1);
      for (const loser of losers) {
        const body = loser.response.json<{ statusCode: number; code: unknown; message: unknown }>();
        expect(body.statusCode).toBe(409);
        expect(body.code).toEqual(expect.any(String));
        expect(body.message).toEqual(expect.any(String));
      }

      // The round records one decision, the winner's; one decision event left in the outbox.
      const winner = winners[0];
      const expectedStatus = winner.kind === 'approve' ? 'approved' : 'changes_requested';
      expect(winner.response.json()).toMatchObject({ round: 1, status: expectedStatus, decisions: [{ approverId: ids['manager'] }] });
      const page = (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { status: string; decisions: Array<{ notes: string | null }> }; rounds: unknown[] }>();
      expect(page.rounds).toHaveLength(1);
      expect(page.current.status).toBe(expectedStatus);
      expect(page.current.decisions).toHaveLength(1);
      if (winner.kind === 'request-changes') expect(page.current.decisions[0].notes).toBe(`Change #${winner.i}`);
      const events = await db.query<{ name: string }>(
        `select name from messaging_outbox where name in ('approvals.request.approved.v1', 'approvals.request.changes-requested.v1') and payload->>'quoteId' = $1`,
        [id],
      );
      expect(events.rows.map((r) => r.name)).toEqual([winner.kind === 'approve' ? 'approvals.request.approved.v1' : 'approvals.request.changes-requested.v1']);

      // The worker applies that one decision to the quote: exactly one decision in its history.
      const finalStatus = winner.kind === 'approve' ? 'published' : 'changes_requested';
      const final = await waitUntil(async () => {
        const q = await quote(id);
        return q.status === finalStatus ? q : null;
      }, { timeoutMs: 30_000, describe: async () => `status ${(await quote(id)).status}` });
      const decisions = final.history.filter((h) => h.status === 'approved' || h.status === 'changes_requested');
      expect(decisions).toEqual([expect.objectContaining({ status: expectedStatus, by: ids['manager'] })]);
      // And nothing more arrives later (a second decision would show up as another entry).
      await system.waitUntilQuiet();
      expect((await quote(id)).history.filter((h) => h.status === 'approved' || h.status === 'changes_requested')).toHaveLength(1);
    });
  }
});
