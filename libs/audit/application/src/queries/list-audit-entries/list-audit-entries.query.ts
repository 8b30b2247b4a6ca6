import { Query } from '@nestjs/cqrs';
import type { AuditEntry, AuditFilter } from '@qa/audit-domain';

/** The audit trail, newest first, a page at a time (admins). */
export class ListAuditEntriesQuery extends Query<{ items: AuditEntry[]; nextBefore: string | null }> {
  constructor(
    readonly filter: AuditFilter,
    readonly limit: number,
  ) {
    super();
  }
}
