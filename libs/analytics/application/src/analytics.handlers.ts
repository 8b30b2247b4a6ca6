import { RebuildApprovalFactsHandler } from './commands/rebuild-approval-facts/rebuild-approval-facts.handler';
import { GetApprovalAnalyticsHandler } from './queries/get-approval-analytics/get-approval-analytics.handler';
import { ProjectApprovalFactsWhenRoundChangesHandler } from './reactions/project-approval-facts/project-approval-facts.handler';
import { ApprovalFactsProjector } from './shared/approval-facts-projector';

/** Every command and query handler of the context, for its Nest modules. */
export const analyticsHandlers = [GetApprovalAnalyticsHandler, RebuildApprovalFactsHandler, ApprovalFactsProjector];

/** The reactions to integration events: providers of the worker-side module only. */
export const analyticsReactions = [ProjectApprovalFactsWhenRoundChangesHandler];
