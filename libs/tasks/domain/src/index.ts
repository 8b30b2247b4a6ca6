// @qa/tasks-domain: a task: a to-do for a user, tied to a record. No framework imports.
export * from './task';
export * from './task.errors';
export * from './task.repository';
