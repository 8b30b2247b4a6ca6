// @qa/tasks-api: the tasks endpoints and Nest modules.
export * from './tasks.module';
