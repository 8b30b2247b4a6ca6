import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TaskRepository } from '@qa/tasks-domain';
import { CountOpenTasksQuery } from './count-open-tasks.query';

@QueryHandler(CountOpenTasksQuery)
export class CountOpenTasksHandler implements IQueryHandler<CountOpenTasksQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  execute({ caller }: CountOpenTasksQuery): Promise<number> {
    return this.tasks.countOpen(caller.userId);
  }
}
