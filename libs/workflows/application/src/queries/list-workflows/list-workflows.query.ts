import { Query } from '@nestjs/cqrs';
import type { WorkflowDefinition } from '@qa/workflows-domain';

/** A workflow with how many runs it has had. */
export interface WorkflowWithRuns {
  workflow: WorkflowDefinition;
  runs: number;
}

/** Every workflow (oldest first) with its number of runs. */
export class ListWorkflowsQuery extends Query<WorkflowWithRuns[]> {}
