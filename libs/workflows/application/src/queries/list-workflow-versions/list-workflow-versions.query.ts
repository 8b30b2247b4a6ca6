import { Query } from '@nestjs/cqrs';
import type { WorkflowVersion } from '@qa/workflows-domain';

export interface WorkflowVersionPage {
  /** Newest first, each with its author's name (null: the system, or a user identity no longer knows). */
  items: Array<{ version: WorkflowVersion; authorName: string | null }>;
  nextBefore: number | null;
}

/** A workflow's versions, newest first, a page at a time (404 for an unknown workflow). */
export class ListWorkflowVersionsQuery extends Query<WorkflowVersionPage> {
  constructor(
    readonly workflowId: string,
    readonly before: number | null,
    readonly limit: number,
  ) {
    super();
  }
}

/** One version of a workflow (404 when the workflow or the version does not exist). */
export class GetWorkflowVersionQuery extends Query<WorkflowVersion> {
  constructor(
    readonly workflowId: string,
    readonly version: number,
  ) {
    super();
  }
}
