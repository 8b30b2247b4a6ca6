import { Query } from '@nestjs/cqrs';
import type { WorkflowWithRuns } from '../list-workflows/list-workflows.query';

/** One workflow with its number of runs (WORKFLOWS.NOT_FOUND when there is none). */
export class GetWorkflowQuery extends Query<WorkflowWithRuns> {
  constructor(readonly id: string) {
    super();
  }
}
