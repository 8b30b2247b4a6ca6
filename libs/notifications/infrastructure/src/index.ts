// @qa/notifications-infrastructure: MikroORM mapping, repository, and the SMTP mailer.
import { EntityManager, EntitySchema } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Mailer } from '@qa/notifications-application';
import { Notification, NotificationRepository } from '@qa/notifications-domain';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications_notification',
  indexes: [{ name: 'notifications_recipient_index', properties: ['recipientUserId', 'readAt', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    recipientUserId: { type: 'string', length: 36 },
    title: { type: 'string', length: 300 },
    body: { type: 'text' },
    link: { type: 'string', length: 500, nullable: true },
    sourceKey: { type: 'string', length: 200, nullable: true, unique: 'notifications_source_key_unique' },
    createdAt: { type: 'datetime' },
    readAt: { type: 'datetime', nullable: true },
    emailedAt: { type: 'datetime', nullable: true },
  },
});

export const notificationsEntities = [NotificationSchema];

@Injectable()
export class MikroOrmNotificationRepository extends NotificationRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(Notification, { id });
  }
  findBySourceKey(sourceKey: string) {
    return this.em.findOne(Notification, { sourceKey });
  }
  listFor(userId: string, options: { unreadOnly: boolean; limit: number }) {
    return this.em.find(Notification, { recipientUserId: userId, ...(options.unreadOnly ? { readAt: null } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: options.limit });
  }
  countUnread(userId: string) {
    return this.em.count(Notification, { recipientUserId: userId, readAt: null });
  }
  markAllRead(userId: string, now: Date) {
    return this.em.nativeUpdate(Notification, { recipientUserId: userId, readAt: null }, { readAt: now });
  }
  async save(notification: Notification) {
    await this.em.persistAndFlush(notification);
  }
}

/** E-mail over SMTP (nodemailer), from `SMTP_URL` (smtp://user:pass@host:587) and `MAIL_FROM`. */
export class SmtpMailer extends Mailer {
  readonly enabled = true;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    const url = new URL(smtpUrl);
    const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
    // On loopback (a local relay or a test server) there is no TLS to negotiate.
    this.transport = createTransport({ url: smtpUrl, ...(local ? { ignoreTLS: true } : {}) } as SMTPTransport.Options);
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}
