import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TaskErrors, TaskRepository, type Task } from '@qa/tasks-domain';
import { GetTaskQuery } from './get-task.query';

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ caller, taskId }: GetTaskQuery): Promise<Task> {
    const task = await this.tasks.findById(taskId);
    if (!task || !task.isVisibleTo(caller)) throw TaskErrors.notFound(taskId);
    return task;
  }
}
