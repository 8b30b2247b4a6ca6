import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { auditedEvent } from '../../testing/in-memory-audit';
import { MemoryLedger } from '../../testing/in-memory-ledger';
import { AppendToLedgerWhenApprovalEventHappensHandler } from '../../reactions/append-to-ledger/append-to-ledger.handler';
import { LEDGER_PAGE } from '../export-ledger/export-ledger.handler';
import { VerifyLedgerHandler } from './verify-ledger.handler';

async function ledgerOf(count: number): Promise<MemoryLedger> {
  const ledger = new MemoryLedger();
  const handler = new AppendToLedgerWhenApprovalEventHappensHandler(ledger, new ManualClock());
  for (let i = 0; i < count; i++) await handler.handle(auditedEvent('approvals.settings.changed.v1', { requireApproval: i % 2 === 0, defaultApproverId: null, approvalsActive: true }, i % 60));
  return ledger;
}

describe('verifying the ledger', () => {
  it('walks every page: OK with the count and last hash', async () => {
    const ledger = await ledgerOf(LEDGER_PAGE + 3);
    expect(await new VerifyLedgerHandler(ledger).execute()).toEqual({ ok: true, entries: LEDGER_PAGE + 3, lastHash: ledger.entries[LEDGER_PAGE + 2].hash });
  });

  it('names the first problem, on a later page too', async () => {
    const ledger = await ledgerOf(LEDGER_PAGE + 3);
    ledger.entries[LEDGER_PAGE + 1] = Object.assign(Object.create(Object.getPrototypeOf(ledger.entries[0]) as object), ledger.entries[LEDGER_PAGE + 1], { payload: '{}' });
    expect(await new VerifyLedgerHandler(ledger).execute()).toMatchObject({ ok: false, seq: LEDGER_PAGE + 2, problem: 'changed', checked: LEDGER_PAGE + 1 });
    ledger.entries.splice(10, 1);
    expect(await new VerifyLedgerHandler(ledger).execute()).toMatchObject({ ok: false, seq: 11, problem: 'removed', checked: 10 });
  });
});
