import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SendEmailCommand, type QueuedEmail } from '@qa/notifications-contracts';
import { NotificationPreferencesRepository, OutgoingEmail, OutgoingEmailRepository } from '@qa/notifications-domain';
import { Clock } from '@qa/shared-kernel';
import { Mailer } from '../../ports/notifications.ports';

/**
 * Queues an e-mail to a user in the caller's transaction; the same source key twice queues once.
 * Without a mail server nothing is kept (there is nothing to send it with), nor when the recipient
 * switched the e-mail of its `kind` off. It is sent by SendEmailWhenQueuedHandler once this commits.
 */
@CommandHandler(SendEmailCommand)
export class SendEmailHandler implements ICommandHandler<SendEmailCommand, QueuedEmail> {
  constructor(
    private readonly emails: OutgoingEmailRepository,
    private readonly preferences: NotificationPreferencesRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute({ email }: SendEmailCommand): Promise<QueuedEmail> {
    if (!this.mailer.enabled) return { id: null, created: false };
    const existing = await this.emails.findBySourceKey(email.sourceKey);
    if (existing) return { id: existing.id, created: false };
    if (email.kind && !(await this.preferences.forUser(email.recipientUserId)).allows(email.kind, 'email')) return { id: null, created: false };
    const { kind: _kind, ...content } = email;
    const queued = OutgoingEmail.queue(content, this.clock.now());
    await this.emails.save(queued);
    return { id: queued.id, created: true };
  }
}
