import { CloseApprovalRoundHandler } from './commands/close-approval-round/close-approval-round.handler';
import { DecideApprovalHandler } from './commands/decide-approval/decide-approval.handler';
import { OpenApprovalRoundHandler } from './commands/open-approval-round/open-approval-round.handler';
import { SaveApprovalSettingsHandler } from './commands/save-approval-settings/save-approval-settings.handler';
import { EvaluateQuoteApprovalHandler } from './queries/evaluate-quote-approval/evaluate-quote-approval.handler';
import { FindApprovalRequestHandler } from './queries/find-approval-request/find-approval-request.handler';
import { GetApprovalPageHandler } from './queries/get-approval-page/get-approval-page.handler';
import { GetApprovalSettingsHandler } from './queries/get-approval-settings/get-approval-settings.handler';
import { PreviewApprovalRouteHandler } from './queries/preview-approval-route/preview-approval-route.handler';
import { TryApprovalPolicyHandler } from './queries/try-approval-policy/try-approval-policy.handler';
import { PreviewQuoteApprovalHandler } from './queries/preview-quote-approval/preview-quote-approval.handler';
import { OpenApprovalRoundWhenQuoteSubmittedHandler } from './reactions/open-approval-round-when-quote-submitted/open-approval-round-when-quote-submitted.handler';

/** The approvals use cases (command and query handlers): providers of every approvals module. */
export const approvalsHandlers = [
  SaveApprovalSettingsHandler,
  DecideApprovalHandler,
  OpenApprovalRoundHandler,
  CloseApprovalRoundHandler,
  GetApprovalSettingsHandler,
  GetApprovalPageHandler,
  PreviewQuoteApprovalHandler,
  PreviewApprovalRouteHandler,
  TryApprovalPolicyHandler,
  EvaluateQuoteApprovalHandler,
  FindApprovalRequestHandler,
];

/** The approvals context's reactions to integration events: providers of the worker-side module only. */
export const approvalsReactions = [OpenApprovalRoundWhenQuoteSubmittedHandler];
