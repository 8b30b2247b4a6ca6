import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppLinks, Mailer, notificationsHandlers, notificationsReactions } from '@qa/notifications-application';
import { NotificationPreferencesRepository, NotificationRepository, OutgoingEmailRepository } from '@qa/notifications-domain';
import { MikroOrmNotificationPreferencesRepository, MikroOrmNotificationRepository, MikroOrmOutgoingEmailRepository, NoMailer, SmtpMailer } from '@qa/notifications-infrastructure';
import { NotificationsController } from './notifications.controller';

export interface NotificationsOptions {
  smtpUrl: string | null;
  mailFrom: string;
  appBaseUrl: string;
}

const providers = (options: NotificationsOptions) => [
  ...notificationsHandlers,
  { provide: NotificationRepository, useClass: MikroOrmNotificationRepository },
  { provide: OutgoingEmailRepository, useClass: MikroOrmOutgoingEmailRepository },
  { provide: NotificationPreferencesRepository, useClass: MikroOrmNotificationPreferencesRepository },
  { provide: Mailer, useValue: options.smtpUrl ? new SmtpMailer(options.smtpUrl, options.mailFrom) : new NoMailer() },
  { provide: AppLinks, useValue: { baseUrl: options.appBaseUrl } satisfies AppLinks },
];

/** The bell: my notifications, unread count, mark as read; my notification preferences. */
@Module({})
export class NotificationsHttpModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return { module: NotificationsHttpModule, imports: [CqrsModule], controllers: [NotificationsController], providers: providers(options) };
  }
}

/** In the worker: notifications sent by workflows, their e-mail copies, and e-mails of their own (SendEmailCommand). */
@Module({})
export class NotificationsWorkerModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return { module: NotificationsWorkerModule, imports: [CqrsModule], providers: [...providers(options), ...notificationsReactions] };
  }
}
