import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestStepStarted, ApprovalSettingsChanged, type ApprovalRequestPayload } from '@qa/approvals-contracts';
import type { AuditState } from '@qa/audit-domain';
import { ApiTokenCreated, ApiTokenRevoked, UserCreated, UserDeactivated, UserOrgChanged, UserReactivated, UserRoleChanged, type ApiTokenChangedPayload, type UserChangedPayload, type UserOrgChangedPayload } from '@qa/identity-contracts';
import { QuoteRecalled, QuoteSubmitted, QuoteUpdated, QuoteWithdrawn, type QuoteEventPayload } from '@qa/quotes-contracts';
import type { IntegrationEvent, IntegrationEventType } from '@qa/shared-kernel';
import { WorkflowChanged, WorkflowCreated, type WorkflowDefinitionPayload } from '@qa/workflows-contracts';

/** What an audited event says about its subject. */
export interface AuditedChange {
  subjectType: string;
  subjectId: string;
  subjectLabel: string | null;
  /** The subject's state after the change (null when it was removed). */
  after: AuditState | null;
  /** Recorded only when the subject already has an entry (e.g. quote edits after a round opened). */
  onlyWhenAudited?: boolean;
}

type Describe = (event: IntegrationEvent) => AuditedChange;

const quoteState = (p: QuoteEventPayload): AuditState => ({
  title: p.title,
  status: p.status,
  ownerId: p.ownerId,
  dealId: p.dealId,
  currency: p.currency,
  totalMinor: p.totalMinor,
  effectiveDiscountBp: p.effectiveDiscountBp,
  largestLineDiscountBp: p.largestLineDiscountBp,
  expiresOn: p.expiresOn,
  // An edit of a quote approved with limits: changed-within-approved-limits, or approval-limits-exceeded (back to Draft).
  ...(p.approvalLimitsCheck ? { approvalLimitsCheck: p.approvalLimitsCheck.code } : {}),
});
const quote = (onlyWhenAudited: boolean): Describe => (event) => {
  const p = event.payload as QuoteEventPayload;
  return { subjectType: 'quote', subjectId: p.quoteId, subjectLabel: p.number, after: quoteState(p), onlyWhenAudited };
};
const decision: Describe = (event) => {
  const p = event.payload as ApprovalRequestPayload;
  return {
    subjectType: 'approval-request',
    subjectId: p.requestId,
    subjectLabel: null,
    // A step approved before the last: the next step started (its event's `step`); the round goes on.
    after:
      event.name === ApprovalRequestStepStarted.name
        ? { quoteId: p.quoteId, round: p.round, decision: 'step_approved', step: p.step - 1, decidedBy: p.decidedBy, notes: p.notes }
        : { quoteId: p.quoteId, round: p.round, decision: event.name === ApprovalRequestApproved.name ? 'approved' : 'changes_requested', step: p.step, decidedBy: p.decidedBy, notes: p.notes },
  };
};

const user: Describe = (event) => {
  const p = event.payload as UserChangedPayload & Partial<Pick<UserOrgChangedPayload, 'team' | 'reportsTo'>>;
  const org = 'team' in p ? { team: p.team ?? null, reportsTo: p.reportsTo ?? null } : {};
  return { subjectType: 'user', subjectId: p.userId, subjectLabel: p.email, after: { email: p.email, name: p.name, role: p.role, active: p.active, ...org } };
};
const apiToken: Describe = (event) => {
  const p = event.payload as ApiTokenChangedPayload;
  return { subjectType: 'api-token', subjectId: p.tokenId, subjectLabel: p.name, after: { userId: p.userId, name: p.name, prefix: p.prefix, expiresAt: p.expiresAt, revoked: p.revoked } };
};
const workflow: Describe = (event) => {
  const { workflowId, ...definition } = event.payload as WorkflowDefinitionPayload;
  return { subjectType: 'workflow', subjectId: workflowId, subjectLabel: definition.name, after: definition };
};

/**
 * The events the audit trail records, and what each says about its subject. Approval settings;
 * a quote's submission, withdrawal and recall, and its edits once a round has opened (a quote
 * never submitted is a private draft); approval decisions (each step's); workflows (the whole definition, before
 * and after); users (created, role, team and manager, deactivated, reactivated); API tokens (created, revoked). A context that wants a change audited
 * publishes an event and is listed here.
 */
export const AUDITED_EVENTS: ReadonlyArray<[IntegrationEventType<never>, Describe]> = [
  [ApprovalSettingsChanged, (event: IntegrationEvent) => ({ subjectType: 'approval-settings', subjectId: 'approval-settings', subjectLabel: null, after: { ...event.payload } })],
  [QuoteSubmitted, quote(false)],
  [QuoteUpdated, quote(true)],
  [QuoteWithdrawn, quote(false)],
  [QuoteRecalled, quote(false)],
  [ApprovalRequestStepStarted, decision],
  [ApprovalRequestApproved, decision],
  [ApprovalRequestChangesRequested, decision],
  [WorkflowCreated, workflow],
  [WorkflowChanged, workflow],
  [UserCreated, user],
  [UserDeactivated, user],
  [UserReactivated, user],
  [UserRoleChanged, user],
  [UserOrgChanged, user],
  [ApiTokenCreated, apiToken],
  [ApiTokenRevoked, apiToken],
] as never;

export const AUDITED_EVENT_TYPES = AUDITED_EVENTS.map(([type]) => type);

export function describeAuditedEvent(event: IntegrationEvent): AuditedChange | null {
  const found = AUDITED_EVENTS.find(([type]) => type.name === event.name);
  return found ? found[1](event) : null;
}
