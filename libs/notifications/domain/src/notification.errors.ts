import { DomainError } from '@qa/shared-kernel';

export const NotificationErrors = {
  notFound: (id: string) => new DomainError('NOTIFICATIONS.NOT_FOUND', `No notification ${id}`, 'not-found', { id }),
};
