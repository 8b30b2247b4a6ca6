import { CloseApprovalRoundHandler } from './commands/close-approval-round/close-approval-round.handler';
import { DecideApprovalHandler } from './commands/decide-approval/decide-approval.handler';
import { DecideByApprovalLinkHandler } from './commands/decide-by-approval-link/decide-by-approval-link.handler';
import { GetApprovalLinkHandler } from './queries/get-approval-link/get-approval-link.handler';
import { EmailApproversWhenStepStartsHandler } from './reactions/email-approvers-when-step-starts/email-approvers-when-step-starts.handler';
import { NotifyPeopleWhenStepChangesHandler } from './reactions/notify-people-when-step-changes/notify-people-when-step-changes.handler';
import { OpenApprovalRoundHandler } from './commands/open-approval-round/open-approval-round.handler';
import { FireApprovalTimerHandler } from './commands/fire-approval-timer/fire-approval-timer.handler';
import { ScheduleStepTimersHandler } from './commands/schedule-step-timers/schedule-step-timers.handler';
import { ListDueApprovalTimersHandler } from './queries/list-due-approval-timers/list-due-approval-timers.handler';
import { ScheduleStepTimersWhenRoundMovesHandler } from './reactions/schedule-step-timers-when-round-moves/schedule-step-timers-when-round-moves.handler';
import { SaveApprovalSettingsHandler } from './commands/save-approval-settings/save-approval-settings.handler';
import { RestorePolicyVersionHandler } from './commands/restore-policy-version/restore-policy-version.handler';
import { ListPolicyVersionsHandler } from './queries/list-policy-versions/list-policy-versions.handler';
import { GetPolicyVersionHandler } from './queries/get-policy-version/get-policy-version.handler';
import { ComparePolicyVersionsHandler } from './queries/compare-policy-versions/compare-policy-versions.handler';
import { EvaluateQuoteApprovalHandler } from './queries/evaluate-quote-approval/evaluate-quote-approval.handler';
import { FindApprovalRequestHandler } from './queries/find-approval-request/find-approval-request.handler';
import { GetApprovalPageHandler } from './queries/get-approval-page/get-approval-page.handler';
import { GetApprovalSettingsHandler } from './queries/get-approval-settings/get-approval-settings.handler';
import { PreviewApprovalRouteHandler } from './queries/preview-approval-route/preview-approval-route.handler';
import { TryApprovalPolicyHandler } from './queries/try-approval-policy/try-approval-policy.handler';
import { PreviewQuoteApprovalHandler } from './queries/preview-quote-approval/preview-quote-approval.handler';
import { OpenApprovalRoundWhenQuoteSubmittedHandler } from './reactions/open-approval-round-when-quote-submitted/open-approval-round-when-quote-submitted.handler';
import { CancelDelegationHandler } from './commands/cancel-delegation/cancel-delegation.handler';
import { CreateDelegationHandler } from './commands/create-delegation/create-delegation.handler';
import { ReassignApproverHandler } from './commands/reassign-approver/reassign-approver.handler';
import { RemindApproversHandler } from './commands/remind-approvers/remind-approvers.handler';
import { RemoveApproverHandler } from './commands/remove-approver/remove-approver.handler';
import { FindStandInsHandler } from './queries/find-stand-ins/find-stand-ins.handler';
import { ListApproverChoicesHandler } from './queries/list-approver-choices/list-approver-choices.handler';
import { ListDelegationsHandler } from './queries/list-delegations/list-delegations.handler';
import { CancelPolicyDryRunHandler } from './commands/cancel-policy-dry-run/cancel-policy-dry-run.handler';
import { RunPolicyDryRunHandler } from './commands/run-policy-dry-run/run-policy-dry-run.handler';
import { StartPolicyDryRunHandler } from './commands/start-policy-dry-run/start-policy-dry-run.handler';
import { GetPolicyDryRunHandler } from './queries/get-policy-dry-run/get-policy-dry-run.handler';
import { RemoveApproverWhenUserLeavesHandler } from './reactions/remove-approver-when-user-leaves/remove-approver-when-user-leaves.handler';

/** The approvals use cases (command and query handlers): providers of every approvals module. */
export const approvalsHandlers = [
  SaveApprovalSettingsHandler,
  // The policy's versions: history, compare, restore.
  RestorePolicyVersionHandler,
  ListPolicyVersionsHandler,
  GetPolicyVersionHandler,
  ComparePolicyVersionsHandler,
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
  // Delegation, reassignment, reminders, approvers who leave.
  FindStandInsHandler,
  CreateDelegationHandler,
  CancelDelegationHandler,
  ListDelegationsHandler,
  ListApproverChoicesHandler,
  ReassignApproverHandler,
  RemindApproversHandler,
  RemoveApproverHandler,
  GetApprovalLinkHandler,
  DecideByApprovalLinkHandler,
  ScheduleStepTimersHandler,
  FireApprovalTimerHandler,
  ListDueApprovalTimersHandler,
  // Dry runs of a draft policy over past quotes.
  StartPolicyDryRunHandler,
  RunPolicyDryRunHandler,
  CancelPolicyDryRunHandler,
  GetPolicyDryRunHandler,
];

/** The approvals context's reactions to integration events: providers of the worker-side module only. */
export const approvalsReactions = [EmailApproversWhenStepStartsHandler, NotifyPeopleWhenStepChangesHandler, ScheduleStepTimersWhenRoundMovesHandler, OpenApprovalRoundWhenQuoteSubmittedHandler, RemoveApproverWhenUserLeavesHandler];
