import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { RunRepository, type OverdueStep } from '../../ports/workflows.ports';
import { ListOverdueStepsQuery } from './list-overdue-steps.query';

@QueryHandler(ListOverdueStepsQuery)
export class ListOverdueStepsHandler implements IQueryHandler<ListOverdueStepsQuery> {
  constructor(
    private readonly runs: RunRepository,
    private readonly clock: Clock,
  ) {}

  execute({ graceMs, limit }: ListOverdueStepsQuery): Promise<OverdueStep[]> {
    return this.runs.findOverdueSteps(new Date(this.clock.now().getTime() - graceMs), limit);
  }
}
