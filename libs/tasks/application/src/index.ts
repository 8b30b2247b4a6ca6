// @qa/tasks-application: the task use cases, one folder each (create-task and complete-record-tasks
// answer the commands other contexts send through tasks-contracts).
export * from './commands/complete-task/complete-task.command';
export * from './queries/list-tasks/list-tasks.query';
export * from './queries/count-open-tasks/count-open-tasks.query';
export * from './queries/get-task/get-task.query';
export * from './tasks.providers';
