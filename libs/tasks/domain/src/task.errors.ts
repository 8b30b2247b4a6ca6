import { DomainError } from '@qa/shared-kernel';

export const TaskErrors = {
  notFound: (id: string) => new DomainError('TASKS.NOT_FOUND', `No task ${id}`, 'not-found', { id }),
  alreadyCompleted: (id: string) => new DomainError('TASKS.ALREADY_COMPLETED', 'The task is already completed', 'conflict', { id }),
};
