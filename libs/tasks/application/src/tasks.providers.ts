import { CompleteRecordTasksHandler } from './commands/complete-record-tasks/complete-record-tasks.handler';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { CountOpenTasksHandler } from './queries/count-open-tasks/count-open-tasks.handler';
import { GetTaskHandler } from './queries/get-task/get-task.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';

/** The task use cases (command and query handlers): providers of every tasks module. */
export const tasksHandlers = [CreateTaskHandler, CompleteTaskHandler, CompleteRecordTasksHandler, ListTasksHandler, CountOpenTasksHandler, GetTaskHandler];
