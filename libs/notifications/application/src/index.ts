// @qa/notifications-application: in-app notifications and their e-mail copy: one folder per use
// case; the reaction that sends the e-mail copy through the Mailer port.
export * from './ports/notifications.ports';
export * from './commands/mark-notification-read/mark-notification-read.command';
export * from './commands/mark-all-notifications-read/mark-all-notifications-read.command';
export * from './queries/list-notifications/list-notifications.query';
export * from './queries/get-notification-preferences/get-notification-preferences.query';
export * from './commands/save-notification-preferences/save-notification-preferences.command';
export * from './reactions/email-notification-when-created/email-notification-when-created.handler';
export * from './reactions/send-email-when-queued/send-email-when-queued.handler';
export * from './notifications.providers';
