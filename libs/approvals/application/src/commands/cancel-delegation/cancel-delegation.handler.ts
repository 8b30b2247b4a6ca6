import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Delegation, DelegationErrors } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { DelegationRepository } from '../../ports/approvals.ports';
import { CancelDelegationCommand } from './cancel-delegation.command';

/** Ends a delegation now: from this moment its delegate no longer decides in the approver's place. */
@CommandHandler(CancelDelegationCommand)
export class CancelDelegationHandler implements ICommandHandler<CancelDelegationCommand> {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, delegationId }: CancelDelegationCommand): Promise<Delegation> {
    const delegation = await this.delegations.findById(delegationId);
    if (!delegation) throw DelegationErrors.notFound(delegationId);
    if (!Delegation.mayChange(caller, delegation.approverId)) throw DelegationErrors.notYours();
    delegation.cancel(this.clock.now());
    await this.delegations.save(delegation);
    return delegation;
  }
}
