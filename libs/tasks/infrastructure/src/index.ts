// @qa/tasks-infrastructure: MikroORM mapping and repository of tasks.
export * from './task.schema';
export * from './mikro-orm-task.repository';
