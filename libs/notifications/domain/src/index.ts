// @qa/notifications-domain: an in-app message to a user, and e-mails of their own. No framework imports.
export * from './notification';
export * from './notification.errors';
export * from './notification.repository';
export * from './outgoing-email';
export * from './outgoing-email.repository';
export * from './notification-preferences';
export * from './notification-kinds';
export { notificationMail } from './mail-wording';
