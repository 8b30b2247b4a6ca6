// @qa/tasks-contracts: tasks as other contexts see them: the events, and the commands that
// workflows send to create and complete tasks.
export * from './task-fields';
export * from './task-events';
export * from './task-commands';
