// @qa/notifications-domain: an in-app message to a user. No framework imports.
export * from './notification';
export * from './notification.errors';
export * from './notification.repository';
