import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NextStep } from '@qa/workflows-domain';
import { RunRepository } from '../../ports/workflows.ports';
import { FindNextStepQuery } from './find-next-step.query';

@QueryHandler(FindNextStepQuery)
export class FindNextStepHandler implements IQueryHandler<FindNextStepQuery> {
  constructor(private readonly runs: RunRepository) {}

  async execute({ runId, index }: FindNextStepQuery): Promise<NextStep | null> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || !found.run.isGoing() || step?.status !== 'succeeded') return null;
    const next = found.steps.find((s) => s.index === index + 1);
    if (!next || next.isFinished()) return null;
    return { index: next.index, ...(step.resumeAt ? { at: new Date(step.resumeAt) } : {}) };
  }
}
