import { DomainError } from '@qa/shared-kernel';

export const CrmErrors = {
  notFound: (kind: 'company' | 'contact' | 'deal', id: string) => new DomainError(`CRM.${kind.toUpperCase()}_NOT_FOUND`, `No ${kind} ${id}`, 'not-found', { id }),
  unknownReference: (field: string, id: string) =>
    new DomainError('CRM.UNKNOWN_REFERENCE', `${field} refers to nothing: ${id}`, 'invalid', { fields: [{ field, reason: `no such record: ${id}` }] }),
  invalidCompany: (field: string, reason: string) => new DomainError('CRM.INVALID_COMPANY', `${field}: ${reason}`, 'invalid', { fields: [{ field, reason }] }),
};
