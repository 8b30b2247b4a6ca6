// @qa/notifications-infrastructure: MikroORM mapping, repository, and the mailers (SMTP, or none).
export * from './notification.schema';
export * from './mikro-orm-notification.repository';
export * from './outgoing-email.schema';
export * from './mikro-orm-outgoing-email.repository';
export * from './notification-preferences.schema';
export * from './mikro-orm-notification-preferences.repository';
export * from './smtp-mailer';
export * from './no-mailer';
