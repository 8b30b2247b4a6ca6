import { MarkAllNotificationsReadHandler } from './commands/mark-all-notifications-read/mark-all-notifications-read.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { SendNotificationHandler } from './commands/send-notification/send-notification.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { EmailNotificationWhenCreatedHandler } from './reactions/email-notification-when-created/email-notification-when-created.handler';

/** The notification use cases (command and query handlers): providers of every notifications module. */
export const notificationsHandlers = [SendNotificationHandler, MarkNotificationReadHandler, MarkAllNotificationsReadHandler, ListNotificationsHandler];

/** The notifications context's reactions to integration events: providers of the worker-side module only. */
export const notificationsReactions = [EmailNotificationWhenCreatedHandler];
