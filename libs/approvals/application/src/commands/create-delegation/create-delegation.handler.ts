import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { stepApprovers } from '@qa/approvals-contracts';
import { Delegation, delegationChain, DelegationErrors, holdsAt } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalRequestRepository, DelegationRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { CreateDelegationCommand } from './create-delegation.command';

/**
 * A new delegation, checked against the others (no overlap of the same approver, no loop during its
 * window) and identity now (both active managers or admins). When it holds already, every open
 * step waiting for the approver (or for someone whose delegation chain runs through them) goes to
 * the stand-in at once: the step's activity says so and `approvals.request.delegated.v1` asks them.
 */
@CommandHandler(CreateDelegationCommand)
export class CreateDelegationHandler implements ICommandHandler<CreateDelegationCommand> {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, input }: CreateDelegationCommand): Promise<Delegation> {
    if (!Delegation.mayChange(caller, input.approverId)) throw DelegationErrors.notYours();
    const now = this.clock.now();
    const mayApprove = await approversAmong(this.queries, [input.approverId, input.delegateId]);
    const delegation = Delegation.create(
      { approverId: input.approverId, delegateId: input.delegateId, startsAt: input.startsAt ?? now, endsAt: input.endsAt, note: input.note, createdBy: caller.userId },
      { approverMayApprove: mayApprove.has(input.approverId), delegateMayApprove: mayApprove.has(input.delegateId), others: await this.delegations.listNotOver(now) },
      now,
    );
    await this.delegations.save(delegation);
    if (delegation.holdsAt(now)) await this.sendOpenSteps(delegation, now);
    return delegation;
  }

  /** The open steps of the approver, and of those whose chain now runs through them, go to their stand-in. */
  private async sendOpenSteps(delegation: Delegation, now: Date): Promise<void> {
    const holding = (await this.delegations.listNotOver(now)).filter((d) => holdsAt(d, now));
    const reaches = (approverId: string) => approverId === delegation.approverId || delegationChain(approverId, holding, now).includes(delegation.approverId);
    for (const request of await this.requests.listPending()) {
      const affected = stepApprovers(request.route, request.currentStep).filter((id) => reaches(id) && request.placeOpen(id));
      if (!affected.length) continue;
      const { standIns } = await this.queries.execute(new FindStandInsQuery(request, stepApprovers(request.route, request.currentStep), now));
      let changed = false;
      for (const approverId of affected) changed = request.delegateOpenStep(approverId, standIns, now) || changed;
      if (changed) await this.requests.save(request);
    }
  }
}
