import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { tasksHandlers } from '@qa/tasks-application';
import { TaskRepository } from '@qa/tasks-domain';
import { MikroOrmTaskRepository } from '@qa/tasks-infrastructure';
import { TasksController } from './tasks.controller';

const providers = [...tasksHandlers, { provide: TaskRepository, useClass: MikroOrmTaskRepository }];

/** Tasks over HTTP (My tasks, complete, the badge count). */
@Module({ imports: [CqrsModule], controllers: [TasksController], providers })
export class TasksHttpModule {}

/** Tasks in the worker: the commands workflows send (create task, complete a record's tasks). */
@Module({ imports: [CqrsModule], providers })
export class TasksWorkerModule {}
