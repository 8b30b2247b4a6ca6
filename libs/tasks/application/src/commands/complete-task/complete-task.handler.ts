import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TaskErrors, TaskRepository, type Task } from '@qa/tasks-domain';
import { CompleteTaskCommand } from './complete-task.command';

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ caller, taskId }: CompleteTaskCommand): Promise<Task> {
    const task = await this.tasks.findById(taskId);
    // Whoever may not complete it learns nothing about it (404).
    if (!task || !task.mayBeCompletedBy(caller)) throw TaskErrors.notFound(taskId);
    task.complete(caller.userId);
    await this.tasks.save(task);
    return task;
  }
}
