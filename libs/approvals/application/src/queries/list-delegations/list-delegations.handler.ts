import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Delegation, DelegationErrors } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { DelegationRepository } from '../../ports/approvals.ports';
import { ListDelegationsQuery } from './list-delegations.query';

@QueryHandler(ListDelegationsQuery)
export class ListDelegationsHandler implements IQueryHandler<ListDelegationsQuery> {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, approverId, includePast }: ListDelegationsQuery): Promise<Delegation[]> {
    // Not an admin: their own only (asking for another's is refused, not silently narrowed).
    const whose = caller.role === 'admin' ? approverId : (approverId ?? caller.userId);
    if (whose === null ? caller.role !== 'admin' : !Delegation.mayChange(caller, whose)) throw DelegationErrors.notYours();
    return this.delegations.list(whose, includePast ? null : this.clock.now());
  }
}
