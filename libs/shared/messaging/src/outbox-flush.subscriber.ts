import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { AggregateRoot } from '@qa/shared-kernel';
import { currentMessageContext } from './message-context';
import { OutboxMessage } from './outbox-message';

/**
 * The unit of work's half of the transactional outbox: when a flush writes aggregates, the events
 * they recorded become outbox rows in the same flush, hence the same transaction.
 */
export class OutboxFlushSubscriber implements EventSubscriber {
  async onFlush({ uow }: FlushEventArgs): Promise<void> {
    const context = currentMessageContext();
    for (const changeSet of uow.getChangeSets()) {
      if (!(changeSet.entity instanceof AggregateRoot)) continue;
      for (const event of changeSet.entity.pullEvents()) {
        uow.computeChangeSet(OutboxMessage.fromRecorded(event, context));
      }
    }
  }
}
