import { AuditEntry } from '@qa/audit-domain';
import { describe, expect, it } from 'vitest';
import { MemoryAuditEntries } from '../../testing/in-memory-audit';
import { ListAuditEntriesQuery } from './list-audit-entries.query';
import { ListAuditEntriesHandler } from './list-audit-entries.handler';

const entry = (second: number, subjectId: string) =>
  AuditEntry.record({
    eventId: `e${second}`,
    occurredAt: new Date(Date.UTC(2026, 11, 2, 10, 0, second)),
    actorType: 'user',
    actorId: 'admin-1',
    action: 'workflows.workflow.changed',
    subjectType: 'workflow',
    subjectId,
    subjectLabel: null,
    before: null,
    after: { second },
    correlationId: `c${second}`,
  });

describe('ListAuditEntriesHandler', () => {
  it('pages the trail newest first, with the id to continue before', async () => {
    const entries = new MemoryAuditEntries();
    for (const second of [1, 2, 3]) await entries.add(entry(second, second === 2 ? 'w2' : 'w1'));
    const handler = new ListAuditEntriesHandler(entries);
    const first = await handler.execute(new ListAuditEntriesQuery({}, 2));
    expect([first.items.map((e) => e.eventId), first.nextBefore]).toEqual([['e3', 'e2'], first.items[1].id]);
    const next = await handler.execute(new ListAuditEntriesQuery({ before: first.nextBefore! }, 2));
    expect([next.items.map((e) => e.eventId), next.nextBefore]).toEqual([['e1'], null]);
    const filtered = await handler.execute(new ListAuditEntriesQuery({ subjectId: 'w1' }, 50));
    expect([filtered.items.map((e) => e.eventId), filtered.nextBefore]).toEqual([['e3', 'e1'], null]);
  });
});
