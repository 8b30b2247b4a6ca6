import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CreateTaskCommand, type CreatedTask } from '@qa/tasks-contracts';
import { Task, TaskRepository } from '@qa/tasks-domain';

/**
 * A task for someone: from a user over HTTP, or from a workflow step (its source key makes a
 * redelivered step find the first task instead of creating another).
 */
@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand, CreatedTask> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ task }: CreateTaskCommand): Promise<CreatedTask> {
    if (task.sourceKey) {
      const existing = await this.tasks.findBySourceKey(task.sourceKey);
      if (existing) return { id: existing.id, created: false };
    }
    const created = Task.create(task);
    await this.tasks.save(created);
    return { id: created.id, created: true };
  }
}
