import { AUDITED_EVENT_TYPES, AuditTrail } from '@qa/audit-application';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/** An audited change happened (settings saved, a quote edited after its round opened, …): record who did what, when, before and after. */
@IntegrationEventsHandler('audit', ...AUDITED_EVENT_TYPES)
export class RecordAuditEntryWhenAuditedChangeHappensHandler implements IntegrationEventHandler {
  constructor(private readonly trail: AuditTrail) {}

  async handle(event: IntegrationEvent): Promise<void> {
    await this.trail.record(event);
  }
}
