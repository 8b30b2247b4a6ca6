import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditEntryRepository, type AuditFilter } from '@qa/audit-domain';

@Injectable()
export class MikroOrmAuditEntryRepository extends AuditEntryRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(entry: AuditEntry): Promise<void> {
    await this.em.persistAndFlush(entry);
  }

  latestFor(subjectType: string, subjectId: string): Promise<AuditEntry | null> {
    return this.em.findOne(AuditEntry, { subjectType, subjectId }, { orderBy: { id: 'desc' } });
  }

  list(filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
    const where: FilterQuery<AuditEntry> = {};
    if (filter.subjectType) where.subjectType = filter.subjectType;
    if (filter.subjectId) where.subjectId = filter.subjectId;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.before) where.id = { $lt: filter.before };
    return this.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit });
  }
}
