import { Query } from '@nestjs/cqrs';
import type { WorkflowDifference, WorkflowVersion } from '@qa/workflows-domain';

export interface WorkflowComparison {
  from: WorkflowVersion;
  to: WorkflowVersion;
  differences: WorkflowDifference[];
}

/** Two versions of a workflow side by side, with what changed from `from` to `to`. */
export class CompareWorkflowVersionsQuery extends Query<WorkflowComparison> {
  constructor(
    readonly workflowId: string,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
