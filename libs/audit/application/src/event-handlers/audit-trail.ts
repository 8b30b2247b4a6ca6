import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditEntryRepository } from '@qa/audit-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { describeAuditedEvent } from './audited-events';

/**
 * Turns an audited integration event into an entry, with the subject's previous state as `before`.
 * Once per event: the delivery's inbox row (and the entry's unique event id) see to that.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly entries: AuditEntryRepository) {}

  async record(event: IntegrationEvent): Promise<AuditEntry | null> {
    const change = describeAuditedEvent(event);
    if (!change) return null;
    const previous = await this.entries.latestFor(change.subjectType, change.subjectId);
    if (change.onlyWhenAudited && !previous) return null;
    const entry = AuditEntry.record({
      eventId: event.id,
      occurredAt: new Date(event.occurredAt),
      actorType: event.actor.type,
      actorId: event.actor.id,
      action: event.name.replace(/\.v\d+$/, ''),
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      subjectLabel: change.subjectLabel,
      before: previous?.after ?? null,
      after: change.after,
      correlationId: event.correlationId,
    });
    await this.entries.add(entry);
    return entry;
  }
}
