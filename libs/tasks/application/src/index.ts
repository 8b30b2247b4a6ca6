// @qa/tasks-application: the task use cases. A thin context: one service, plus the handlers of the
// commands other contexts send through tasks-contracts.
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CompleteRecordTasksCommand, CreateTaskCommand, type TaskPriority, type TaskStatus } from '@qa/tasks-contracts';
import { Task, TaskErrors, TaskRepository, type TaskFilter } from '@qa/tasks-domain';
import type { Caller } from '@qa/shared-kernel';

export interface NewTask {
  title: string;
  notes: string;
  assigneeId: string;
  relatedType: string | null;
  relatedId: string | null;
  dueOn: string | null;
  priority: TaskPriority;
}

/** Who sees what: everyone their own tasks (assigned to or created by them); managers and admins all. */
const seesAll = (caller: Caller) => caller.role === 'manager' || caller.role === 'admin';

@Injectable()
export class TasksService {
  constructor(private readonly tasks: TaskRepository) {}

  async list(caller: Caller, filter: { assignee?: 'me' | 'anyone' | string; status?: TaskStatus; relatedType?: string; relatedId?: string }, limit = 100): Promise<Task[]> {
    const query: TaskFilter = { status: filter.status, relatedType: filter.relatedType, relatedId: filter.relatedId };
    if (!filter.assignee || filter.assignee === 'me') query.assigneeId = caller.userId;
    else if (filter.assignee !== 'anyone') query.assigneeId = filter.assignee;
    if (!seesAll(caller)) query.visibleTo = caller.userId;
    return this.tasks.list(query, limit);
  }

  countMyOpen(caller: Caller): Promise<number> {
    return this.tasks.countOpen(caller.userId);
  }

  async get(caller: Caller, id: string): Promise<Task> {
    const task = await this.tasks.findById(id);
    if (!task || (!seesAll(caller) && task.assigneeId !== caller.userId && task.createdById !== caller.userId)) throw TaskErrors.notFound(id);
    return task;
  }

  async create(caller: Caller, task: NewTask): Promise<Task> {
    const created = Task.create({ ...task, createdBy: { type: 'user', id: caller.userId }, sourceKey: null });
    await this.tasks.save(created);
    return created;
  }

  /** The assignee completes a task; managers and admins may complete anyone's. */
  async complete(caller: Caller, id: string): Promise<Task> {
    const task = await this.get(caller, id);
    if (task.assigneeId !== caller.userId && !seesAll(caller)) throw TaskErrors.notFound(id);
    task.complete(caller.userId);
    await this.tasks.save(task);
    return task;
  }
}

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand, { id: string; created: boolean }> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ task }: CreateTaskCommand): Promise<{ id: string; created: boolean }> {
    if (task.sourceKey) {
      const existing = await this.tasks.findBySourceKey(task.sourceKey);
      if (existing) return { id: existing.id, created: false };
    }
    const created = Task.create(task);
    await this.tasks.save(created);
    return { id: created.id, created: true };
  }
}

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

export const tasksHandlers = [TasksService, CreateTaskHandler, CompleteRecordTasksHandler];
