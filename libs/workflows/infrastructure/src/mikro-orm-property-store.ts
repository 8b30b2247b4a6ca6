import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PropertyStore } from '@qa/workflows-application';
import type { PropertyValue } from '@qa/workflows-contracts';
import { RecordProperty, RecordPropertyChange } from '@qa/workflows-domain';
import { RecordSnapshot } from './record-snapshot';

@Injectable()
export class MikroOrmPropertyStore extends PropertyStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async snapshot(recordType: string, recordId: string): Promise<Record<string, unknown>> {
    const [snapshot, properties] = await Promise.all([this.em.findOne(RecordSnapshot, { recordType, recordId }, { refresh: true }), this.properties(recordType, recordId)]);
    return { ...(snapshot?.fields ?? {}), ...Object.fromEntries(properties.map((p) => [p.name, p.value])), recordType, recordId };
  }

  /**
   * Merges what an event tells of a record into its snapshot. Deliveries of different aggregates'
   * events about one record (the quote's, its approval round's) run at the same time: on
   * PostgreSQL one upsert merges the fields under the row's lock, so neither delivery's fields are
   * lost (a read-then-write would let the later commit drop the other's, e.g. the approvers).
   */
  async rememberRecord(recordType: string, recordId: string, fields: Record<string, unknown>): Promise<void> {
    if (this.em.getDriver().constructor.name === 'PostgreSqlDriver') {
      await this.em.getConnection().execute(
        `insert into workflows_record_snapshot (record_type, record_id, fields, updated_at) values (?, ?, ?::jsonb, now())
           on conflict (record_type, record_id) do update set fields = workflows_record_snapshot.fields || excluded.fields, updated_at = now()`,
        [recordType, recordId, JSON.stringify(fields)],
        'run',
        this.em.getTransactionContext(),
      );
      return;
    }
    // SQLite has one writer at a time: a read-then-write cannot interleave with another.
    const existing = await this.em.findOne(RecordSnapshot, { recordType, recordId });
    if (existing) {
      existing.fields = { ...existing.fields, ...fields };
      existing.updatedAt = new Date();
    } else {
      this.em.persist(Object.assign(new RecordSnapshot(), { recordType, recordId, fields, updatedAt: new Date() }));
    }
    await this.em.flush();
  }

  properties(recordType: string, recordId: string) {
    return this.em.find(RecordProperty, { recordType, recordId }, { orderBy: { name: 'asc' } });
  }

  history(recordType: string, recordId: string) {
    return this.em.find(RecordPropertyChange, { recordType, recordId }, { orderBy: { changedAt: 'desc', id: 'desc' }, limit: 200 });
  }

  async set(recordType: string, recordId: string, name: string, value: PropertyValue, by: string | null, runId: string | null): Promise<boolean> {
    const existing = await this.em.findOne(RecordProperty, { recordType, recordId, name });
    if (existing && existing.value === value) return false; // unchanged: no need to look further
    const changesSoFar = await this.em.count(RecordPropertyChange, { recordType, recordId });
    const snapshot = await this.em.findOne(RecordSnapshot, { recordType, recordId });
    const ownerId = (snapshot?.fields['ownerId'] as string) ?? null;
    const changed = RecordProperty.set({ recordType, recordId, name }, existing, value, { by, runId, ownerId, changesSoFar, now: new Date() });
    if (!changed) return false;
    // The flush writes the change, and the PropertyChanged event the property recorded into the outbox.
    this.em.persist(changed.property);
    this.em.persist(changed.change);
    await this.em.flush();
    return true;
  }
}
