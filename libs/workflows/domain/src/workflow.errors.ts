import { DomainError } from '@qa/shared-kernel';

/** The errors of the workflows context, by code. */
export const WorkflowErrors = {
  notFound: (id: string) => new DomainError('WORKFLOWS.NOT_FOUND', `No workflow ${id}`, 'not-found', { id }),
  invalid: (field: string, reason: string) => new DomainError('WORKFLOWS.INVALID_DEFINITION', `${field}: ${reason}`, 'invalid', { fields: [{ field, reason }] }),
  staleVersion: (expected: number, actual: number) =>
    new DomainError('WORKFLOWS.STALE_VERSION', 'The workflow was changed meanwhile; reload it and try again', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  runNotFound: (id: string) => new DomainError('WORKFLOWS.RUN_NOT_FOUND', `No run ${id}`, 'not-found', { id }),
  runNotFailed: (id: string) => new DomainError('WORKFLOWS.RUN_NOT_FAILED', 'Only a failed run can be retried', 'conflict', { id }),
  invalidRunTransition: (id: string, transition: string, status: string) =>
    new DomainError('WORKFLOWS.INVALID_RUN_TRANSITION', `A ${status} run cannot ${transition}`, 'conflict', { id, transition, status }),
  secretNotFound: (id: string, secretId: string) => new DomainError('WORKFLOWS.SECRET_NOT_FOUND', `Workflow ${id} has no webhook secret ${secretId}`, 'not-found', { id, secretId }),
};
