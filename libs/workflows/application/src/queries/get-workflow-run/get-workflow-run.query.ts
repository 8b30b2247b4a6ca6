import { Query } from '@nestjs/cqrs';
import type { RunWithSteps } from '../../ports/workflows.ports';

/** One run with its steps (WORKFLOWS.RUN_NOT_FOUND when there is none). */
export class GetWorkflowRunQuery extends Query<RunWithSteps> {
  constructor(readonly runId: string) {
    super();
  }
}
