import { EntitySchema } from '@mikro-orm/core';
import { AuditEntry } from '@qa/audit-domain';
import { LedgerEntrySchema } from './audit-ledger.entities';

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

export const auditEntities = [AuditEntrySchema, LedgerEntrySchema];
