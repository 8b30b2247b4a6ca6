import { DomainError } from '@qa/shared-kernel';

export const NotificationErrors = {
  notFound: (id: string) => new DomainError('NOTIFICATIONS.NOT_FOUND', `No notification ${id}`, 'not-found', { id }),
  /** A preferences change naming a kind that does not exist, or one kind twice. */
  invalidPreferences: (fields: Array<{ field: string; reason: string }>) =>
    new DomainError('NOTIFICATIONS.INVALID_PREFERENCES', fields.map((f) => `${f.field} ${f.reason}`).join('; '), 'invalid', { fields }),
};
