import { AuditEntry, AuditEntryRepository } from '@qa/audit-domain';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { AUDITED_EVENT_TYPES, describeAuditedEvent } from './audited-events';

/**
 * An audited change happened (settings saved, a quote edited after its round opened, …): record
 * who did what, when, with the subject's previous state (its latest entry's `after`) as `before`.
 * Once per event: the delivery's inbox row (and the entry's unique event id) see to that.
 */
@IntegrationEventsHandler('audit', ...AUDITED_EVENT_TYPES)
export class RecordAuditEntryWhenAuditedChangeHappensHandler implements IntegrationEventHandler {
  constructor(private readonly entries: AuditEntryRepository) {}

  async handle(event: IntegrationEvent): Promise<void> {
    const change = describeAuditedEvent(event);
    if (!change) return;
    const previous = await this.entries.latestFor(change.subjectType, change.subjectId);
    if (change.onlyWhenAudited && !previous) return;
    await this.entries.add(
      AuditEntry.record({
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
      }),
    );
  }
}
