import { QueryBus } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { EmailQueued, type EmailQueuedPayload } from '@qa/notifications-contracts';
import { OutgoingEmailRepository } from '@qa/notifications-domain';
import { Clock, IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { Mailer } from '../../ports/notifications.ports';

/**
 * Sends a queued e-mail after the transaction that queued it committed, each in a delivery of its
 * own (one recipient's mail server failing holds back nobody else's). At least once: `sentAt`,
 * written in the same delivery transaction, stops a redelivery from sending again; a crash between
 * the mail server's answer and the commit can still send twice. Only to an account still active.
 */
@IntegrationEventsHandler('notifications', EmailQueued)
export class SendEmailWhenQueuedHandler implements IntegrationEventHandler<EmailQueuedPayload> {
  constructor(
    private readonly emails: OutgoingEmailRepository,
    private readonly mailer: Mailer,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent<EmailQueuedPayload>): Promise<void> {
    if (!this.mailer.enabled) return;
    const email = await this.emails.findById(event.payload.emailId);
    if (!email || email.sentAt) return;
    const [user]: UserSummary[] = await this.queries.execute(new FindUsersQuery([email.recipientUserId]));
    if (!user?.active || user.id !== email.recipientUserId) return;
    await this.mailer.send(email.message(user.email));
    email.markSent(this.clock.now());
    await this.emails.save(email);
  }
}
