import { LedgerRepository } from '@qa/audit-domain';
import { Clock, IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { ledgerSha256 } from '../../shared/ledger-sha256';
import { LEDGER_EVENT_TYPES, ledgerDraftOf } from './ledger-events';

/**
 * Something the approval ledger records happened (a submission, a route, a decision, …): append
 * its entry after the last one, chained by hash, in the delivery's transaction. Once per event:
 * the delivery's inbox row, and the entry's unique event id (a second append of it is a no-op).
 */
@IntegrationEventsHandler('audit', ...LEDGER_EVENT_TYPES)
export class AppendToLedgerWhenApprovalEventHappensHandler implements IntegrationEventHandler {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent): Promise<void> {
    const draft = ledgerDraftOf(event);
    if (draft) await this.ledger.append(draft, this.clock.now(), ledgerSha256);
  }
}
