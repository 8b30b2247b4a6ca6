// An in-memory audit trail for the audit use cases' specs (the MikroORM repository answers the
// same through SQL: newest first by entry id).
import { AuditEntryRepository, type AuditEntry, type AuditFilter } from '@qa/audit-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';

export class MemoryAuditEntries extends AuditEntryRepository {
  entries: AuditEntry[] = [];

  async add(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async latestFor(subjectType: string, subjectId: string): Promise<AuditEntry | null> {
    return this.newestFirst().find((e) => e.subjectType === subjectType && e.subjectId === subjectId) ?? null;
  }
  async list(filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
    return this.newestFirst()
      .filter(
        (e) =>
          (!filter.subjectType || e.subjectType === filter.subjectType) &&
          (!filter.subjectId || e.subjectId === filter.subjectId) &&
          (!filter.actorId || e.actorId === filter.actorId) &&
          (!filter.before || e.id < filter.before),
      )
      .slice(0, limit);
  }
  private newestFirst(): AuditEntry[] {
    return [...this.entries].sort((a, b) => (a.id < b.id ? 1 : -1));
  }
}

let sequence = 0;

/** An integration event as the outbox delivers it, `seconds` after 10:00. */
export function auditedEvent(name: string, payload: Record<string, unknown>, seconds = 0, actorId: string | null = 'admin-1'): IntegrationEvent {
  sequence += 1;
  return {
    id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    name: name as IntegrationEvent['name'],
    occurredAt: new Date(Date.UTC(2026, 11, 2, 10, 0, seconds)).toISOString(),
    aggregateType: 'test',
    aggregateId: 'a1',
    aggregateVersion: 1,
    actor: actorId ? { type: 'user', id: actorId } : { type: 'system', id: null },
    correlationId: `c${sequence}`,
    payload,
  };
}
