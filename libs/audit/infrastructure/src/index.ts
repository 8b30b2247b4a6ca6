// @qa/audit-infrastructure: the audit trail's table and repository.
import { EntityManager, EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditEntryRepository, type AuditFilter } from '@qa/audit-domain';

export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  class: AuditEntry,
  tableName: 'audit_entry',
  indexes: [
    { name: 'audit_entry_subject_index', properties: ['subjectType', 'subjectId', 'id'] },
    { name: 'audit_entry_actor_index', properties: ['actorId', 'id'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    eventId: { type: 'string', length: 36, unique: 'audit_entry_event_unique' },
    occurredAt: { type: 'datetime' },
    actorType: { type: 'string', length: 10 },
    actorId: { type: 'string', length: 36, nullable: true },
    action: { type: 'string', length: 100 },
    subjectType: { type: 'string', length: 40 },
    subjectId: { type: 'string', length: 100 },
    subjectLabel: { type: 'string', length: 200, nullable: true },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
    correlationId: { type: 'string', length: 100 },
  },
});

export const auditEntities = [AuditEntrySchema];

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
