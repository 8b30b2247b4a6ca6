import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { holdsAt, NO_STAND_INS, standInsFor } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository, DelegationRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery, type StandInsNow } from './find-stand-ins.query';

@QueryHandler(FindStandInsQuery)
export class FindStandInsHandler implements IQueryHandler<FindStandInsQuery> {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ round, approverIds, at = this.clock.now() }: FindStandInsQuery): Promise<StandInsNow> {
    const holding = (await this.delegations.listNotOver(at)).filter((d) => holdsAt(d, at));
    // Nobody out of office (the usual case): nothing more to read.
    if (!holding.length || !approverIds.length) return { at, standIns: NO_STAND_INS };
    const fallbackId = (await this.settings.get()).defaultApproverId;
    // Who may approve now (active managers and admins), read from identity once for every delegate.
    const mayApprove = await approversAmong(this.queries, [...new Set([...holding.map((d) => d.delegateId), ...(fallbackId ? [fallbackId] : [])])]);
    return { at, standIns: standInsFor(approverIds, { delegations: holding, at, excluded: [round.ownerId, round.submittedBy], mayApprove: (id) => mayApprove.has(id), fallbackId }) };
  }
}
