import { Query } from '@nestjs/cqrs';
import type { RunWithSteps } from '../../ports/workflows.ports';

/** The latest runs of a workflow (newest first), each with its steps. */
export class ListWorkflowRunsQuery extends Query<RunWithSteps[]> {
  constructor(
    readonly workflowId: string,
    readonly limit = 50,
  ) {
    super();
  }
}
