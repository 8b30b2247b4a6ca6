import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditEntryRepository, type AuditEntry } from '@qa/audit-domain';
import { ListAuditEntriesQuery } from './list-audit-entries.query';

@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery> {
  constructor(private readonly entries: AuditEntryRepository) {}

  async execute({ filter, limit }: ListAuditEntriesQuery): Promise<{ items: AuditEntry[]; nextBefore: string | null }> {
    const found = await this.entries.list(filter, limit + 1);
    const items = found.slice(0, limit);
    return { items, nextBefore: found.length > limit ? items[items.length - 1].id : null };
  }
}
