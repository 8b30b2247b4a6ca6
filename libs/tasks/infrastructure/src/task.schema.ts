import { EntitySchema } from '@mikro-orm/core';
import { Task } from '@qa/tasks-domain';

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
    message: { type: 'json', nullable: true },
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
