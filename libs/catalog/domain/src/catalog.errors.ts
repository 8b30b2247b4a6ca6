import { DomainError } from '@qa/shared-kernel';

export const CatalogErrors = {
  nameRequired: () => new DomainError('CATALOG.NAME_REQUIRED', 'A name is required', 'invalid', { field: 'name' }),
};
