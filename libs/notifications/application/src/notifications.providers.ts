import { MarkAllNotificationsReadHandler } from './commands/mark-all-notifications-read/mark-all-notifications-read.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { SendEmailHandler } from './commands/send-email/send-email.handler';
import { SendNotificationHandler } from './commands/send-notification/send-notification.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { GetNotificationPreferencesHandler } from './queries/get-notification-preferences/get-notification-preferences.handler';
import { SaveNotificationPreferencesHandler } from './commands/save-notification-preferences/save-notification-preferences.handler';
import { EmailNotificationWhenCreatedHandler } from './reactions/email-notification-when-created/email-notification-when-created.handler';
import { SendEmailWhenQueuedHandler } from './reactions/send-email-when-queued/send-email-when-queued.handler';

/** The notification use cases (command and query handlers): providers of every notifications module. */
export const notificationsHandlers = [SendNotificationHandler, SendEmailHandler, MarkNotificationReadHandler, MarkAllNotificationsReadHandler, ListNotificationsHandler, GetNotificationPreferencesHandler, SaveNotificationPreferencesHandler];

/** The notifications context's reactions to integration events: providers of the worker-side module only. */
export const notificationsReactions = [EmailNotificationWhenCreatedHandler, SendEmailWhenQueuedHandler];
