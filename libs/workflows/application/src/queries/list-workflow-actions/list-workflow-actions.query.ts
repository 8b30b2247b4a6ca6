import { Query } from '@nestjs/cqrs';
import type { ActionDescription } from '../../actions/workflow-action';

/** The actions workflows can use (built-in and extensions'), by key, with their parameters. */
export class ListWorkflowActionsQuery extends Query<ActionDescription[]> {}
