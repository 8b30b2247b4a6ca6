import { DomainError } from '@qa/shared-kernel';

export const AnalyticsErrors = {
  invalidFilter: (field: string, reason: string) => new DomainError('ANALYTICS.INVALID_FILTER', `${field} ${reason}`, 'invalid', { field, reason }),
};
