// @qa/tasks-infrastructure: MikroORM mapping and repository of tasks.
import { EntityManager, EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Task, TaskRepository, type TaskFilter } from '@qa/tasks-domain';

export const TaskSchema = new EntitySchema<Task>({
  class: Task,
  tableName: 'tasks_task',
  indexes: [
    { name: 'tasks_task_assignee_status_index', properties: ['assigneeId', 'status', 'createdAt'] },
    { name: 'tasks_task_related_index', properties: ['relatedType', 'relatedId'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    title: { type: 'string', length: 300 },
    notes: { type: 'text' },
    assigneeId: { type: 'string', length: 36 },
    relatedType: { type: 'string', length: 40, nullable: true },
    relatedId: { type: 'string', length: 36, nullable: true },
    dueOn: { type: 'string', length: 10, nullable: true },
    priority: { type: 'string', length: 10 },
    status: { type: 'string', length: 12 },
    createdByType: { type: 'string', length: 10 },
    createdById: { type: 'string', length: 36, nullable: true },
    sourceKey: { type: 'string', length: 200, nullable: true, unique: 'tasks_task_source_key_unique' },
    createdAt: { type: 'datetime' },
    completedAt: { type: 'datetime', nullable: true },
    completedBy: { type: 'string', length: 36, nullable: true },
  },
});

export const tasksEntities = [TaskSchema];

@Injectable()
export class MikroOrmTaskRepository extends TaskRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(Task, { id });
  }
  findBySourceKey(sourceKey: string) {
    return this.em.findOne(Task, { sourceKey });
  }
  list(filter: TaskFilter, limit: number) {
    const where: FilterQuery<Task> = {};
    if (filter.assigneeId) where.assigneeId = filter.assigneeId;
    if (filter.status) where.status = filter.status;
    if (filter.relatedType) where.relatedType = filter.relatedType;
    if (filter.relatedId) where.relatedId = filter.relatedId;
    if (filter.visibleTo) where.$or = [{ assigneeId: filter.visibleTo }, { createdById: filter.visibleTo }];
    return this.em.find(Task, where, { orderBy: { status: 'desc', dueOn: 'asc', createdAt: 'desc' }, limit });
  }
  countOpen(assigneeId: string) {
    return this.em.count(Task, { assigneeId, status: 'open' });
  }
  async save(task: Task) {
    await this.em.persistAndFlush(task);
  }
}
