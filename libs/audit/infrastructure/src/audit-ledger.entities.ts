import { EntitySchema } from '@mikro-orm/core';
import { LedgerEntry } from '@qa/audit-domain';

/**
 * The approval ledger (`audit_ledger`): seq is the primary key (1, 2, 3, … without gaps: two
 * appends racing for a seq, one fails and retries), one row per event. The payload is TEXT, not
 * JSON, so the bytes hashed are the bytes stored on SQLite and PostgreSQL alike. A table of its
 * own: purging the outbox never touches it, and no code updates or deletes its rows.
 */
export const LedgerEntrySchema = new EntitySchema<LedgerEntry>({
  class: LedgerEntry,
  tableName: 'audit_ledger',
  indexes: [
    { name: 'audit_ledger_quote_index', properties: ['quoteId', 'seq'] },
    { name: 'audit_ledger_occurred_index', properties: ['occurredAt', 'seq'] },
  ],
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: false },
    eventId: { type: 'string', length: 36, unique: 'audit_ledger_event_unique' },
    occurredAt: { type: 'datetime' },
    recordedAt: { type: 'datetime' },
    kind: { type: 'string', length: 40 },
    quoteId: { type: 'string', length: 36, nullable: true },
    actorType: { type: 'string', length: 10 },
    actorId: { type: 'string', length: 36, nullable: true },
    payload: { type: 'text' },
    prevHash: { type: 'string', length: 64 },
    hash: { type: 'string', length: 64 },
  },
});
