// @qa/notifications-infrastructure: MikroORM mapping, repository, and the mailers (SMTP, or none).
export * from './notification.schema';
export * from './mikro-orm-notification.repository';
export * from './smtp-mailer';
export * from './no-mailer';
