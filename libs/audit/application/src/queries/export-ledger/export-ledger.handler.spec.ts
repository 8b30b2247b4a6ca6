import { DomainError, ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { auditedEvent } from '../../testing/in-memory-audit';
import { MemoryLedger } from '../../testing/in-memory-ledger';
import { AppendToLedgerWhenApprovalEventHappensHandler } from '../../reactions/append-to-ledger/append-to-ledger.handler';
import { ExportLedgerHandler, LEDGER_PAGE } from './export-ledger.handler';
import { ExportLedgerQuery } from './export-ledger.query';
import { LEDGER_CSV_HEADER, ledgerCsvLine, ledgerJsonLine } from './ledger-format';

const Q1 = '0193a1b2-0000-7000-8000-000000000001';
const Q2 = '0193a1b2-0000-7000-8000-000000000002';
const submitted = (quoteId: string, seconds: number) =>
  auditedEvent('quotes.quote.submitted.v1', { quoteId, number: 'Q-1', title: 'Say "hi", then\nwait', ownerId: 'rep-1', status: 'pending_approval', previousStatus: 'draft', currency: 'EUR', totalMinor: 1, effectiveDiscountBp: 0, largestLineDiscountBp: 0, dealId: null, expiresOn: '2026-12-31' }, seconds, 'rep-1');

async function ledgerOf(events: ReturnType<typeof submitted>[]): Promise<MemoryLedger> {
  const ledger = new MemoryLedger();
  const handler = new AppendToLedgerWhenApprovalEventHappensHandler(ledger, new ManualClock('2026-12-02T11:00:00Z'));
  for (const event of events) await handler.handle(event);
  return ledger;
}
const all = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('exporting the ledger', () => {
  it('gives the entries in seq order by quote and by time range (to exclusive)', async () => {
    const ledger = await ledgerOf([submitted(Q1, 1), submitted(Q2, 2), submitted(Q1, 3)]);
    const handler = new ExportLedgerHandler(ledger);
    expect((await all(await handler.execute(new ExportLedgerQuery({ quoteId: Q1 })))).map((e) => e.seq)).toEqual([1, 3]);
    expect((await all(await handler.execute(new ExportLedgerQuery({ from: '2026-12-02T10:00:02Z', to: '2026-12-02T10:00:03Z' })))).map((e) => e.seq)).toEqual([2]);
    expect((await all(await handler.execute(new ExportLedgerQuery({ from: '2026-12-02', to: '2026-12-02' })))).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('reads page after page', async () => {
    const ledger = await ledgerOf(Array.from({ length: LEDGER_PAGE + 5 }, (_, i) => submitted(Q1, i % 60)));
    const entries = await all(await new ExportLedgerHandler(ledger).execute(new ExportLedgerQuery({})));
    expect([entries.length, entries[LEDGER_PAGE].seq]).toEqual([LEDGER_PAGE + 5, LEDGER_PAGE + 1]);
  });

  it('refuses a bad filter before reading anything', async () => {
    await expect(new ExportLedgerHandler(new MemoryLedger()).execute(new ExportLedgerQuery({ from: 'soon' }))).rejects.toBeInstanceOf(DomainError);
  });

  it('formats JSON Lines with the payload as JSON, and CSV with it as quoted text', async () => {
    const [entry] = (await ledgerOf([submitted(Q1, 1)])).entries;
    const line = ledgerJsonLine(entry);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ seq: 1, kind: 'submitted', quoteId: Q1, occurredAt: '2026-12-02T10:00:01.000Z', recordedAt: '2026-12-02T11:00:00.000Z', actor: { type: 'user', id: 'rep-1' }, payload: { title: 'Say "hi", then\nwait' }, prevHash: '0'.repeat(64), hash: entry.hash });
    expect(LEDGER_CSV_HEADER).toBe('seq,event_id,occurred_at,recorded_at,kind,quote_id,actor_type,actor_id,payload,prev_hash,hash\r\n');
    expect(ledgerCsvLine(entry)).toBe(`1,${entry.eventId},2026-12-02T10:00:01.000Z,2026-12-02T11:00:00.000Z,submitted,${Q1},user,rep-1,"${entry.payload.replace(/"/g, '""')}",${'0'.repeat(64)},${entry.hash}\r\n`);
  });
});
