// @qa/notifications-api: the notifications endpoints and Nest modules.
export * from './notifications.module';
