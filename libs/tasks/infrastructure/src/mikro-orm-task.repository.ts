import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Task, TaskRepository, type TaskFilter } from '@qa/tasks-domain';

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
