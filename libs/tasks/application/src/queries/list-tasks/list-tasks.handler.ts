import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { seesAllTasks, TaskRepository, type Task, type TaskFilter } from '@qa/tasks-domain';
import { ListTasksQuery } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  execute({ caller, filter, limit }: ListTasksQuery): Promise<Task[]> {
    const query: TaskFilter = { status: filter.status, relatedType: filter.relatedType, relatedId: filter.relatedId };
    if (!filter.assignee || filter.assignee === 'me') query.assigneeId = caller.userId;
    else if (filter.assignee !== 'anyone') query.assigneeId = filter.assignee;
    // Everyone sees their own tasks (assigned to or created by them); managers and admins all.
    if (!seesAllTasks(caller)) query.visibleTo = caller.userId;
    return this.tasks.list(query, limit);
  }
}
