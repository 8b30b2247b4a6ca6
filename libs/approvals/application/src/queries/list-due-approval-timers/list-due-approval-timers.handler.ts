import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { ApprovalTimerRepository } from '../../ports/approvals.ports';
import { ListDueApprovalTimersQuery } from './list-due-approval-timers.query';

@QueryHandler(ListDueApprovalTimersQuery)
export class ListDueApprovalTimersHandler implements IQueryHandler<ListDueApprovalTimersQuery> {
  constructor(
    private readonly timers: ApprovalTimerRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ limit }: ListDueApprovalTimersQuery): Promise<Array<{ id: string; dueAt: Date }>> {
    return (await this.timers.listDue(this.clock.now(), limit)).map((t) => ({ id: t.id, dueAt: new Date(t.dueAt) }));
  }
}
