import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CompleteRecordTasksCommand } from '@qa/tasks-contracts';
import { TaskRepository } from '@qa/tasks-domain';

/** A record's open tasks from one source (e.g. a workflow's approval task) are done: complete them. */
@CommandHandler(CompleteRecordTasksCommand)
export class CompleteRecordTasksHandler implements ICommandHandler<CompleteRecordTasksCommand, number> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ relatedType, relatedId, sourceKeyPrefix, completedBy }: CompleteRecordTasksCommand): Promise<number> {
    const open = await this.tasks.list({ relatedType, relatedId, status: 'open' }, 500);
    const matching = open.filter((t) => t.sourceKey?.startsWith(sourceKeyPrefix));
    for (const task of matching) {
      task.complete(completedBy);
      await this.tasks.save(task);
    }
    return matching.length;
  }
}
