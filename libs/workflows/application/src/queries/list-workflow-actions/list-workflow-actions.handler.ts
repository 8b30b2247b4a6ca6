import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ActionRegistry } from '../../actions/action-registry';
import type { ActionDescription } from '../../actions/workflow-action';
import { ListWorkflowActionsQuery } from './list-workflow-actions.query';

@QueryHandler(ListWorkflowActionsQuery)
export class ListWorkflowActionsHandler implements IQueryHandler<ListWorkflowActionsQuery> {
  constructor(private readonly actions: ActionRegistry) {}

  async execute(): Promise<ActionDescription[]> {
    return this.actions.describe();
  }
}
