// @qa/notifications-contracts: the command other contexts (workflows) send to notify a user, and
// the events of notifications.
export * from './notification-events';
export * from './notification-commands';
export * from './notification-kinds';
