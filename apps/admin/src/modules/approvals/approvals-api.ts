// The approval pages' calls to the API, through the typed client only. Each answers an ApiResult,
// so pages can tell a 403 from a 404 from a 409 or a validation error without try/catch.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';
import { listWorkflows } from '../workflows/workflows-api';

export type ApprovalSettings = ApiSchemas['ApprovalSettingsResponse'];
export type ApprovalSettingsRequest = ApiSchemas['ApprovalSettingsRequest'];
export type ApprovalRule = ApiSchemas['PolicyRuleRequest'];
/** A quote field a rule watches (smart re-approval). */
export type WatchedField = NonNullable<ApprovalRule['watchedFields']>[number];
/** A rule's reminders and escalation, in business hours. */
export type RuleEscalation = NonNullable<ApprovalRule['escalation']>;
/** Whom a waiting step escalates to: the waiting approvers' managers, or the fallback approver. */
export type EscalateTo = NonNullable<RuleEscalation['escalateTo']>;
/** The working week reminders and escalations count in. */
export type BusinessHours = ApprovalSettings['businessHours'];
export type RuleCondition = ApiSchemas['RuleConditionRequest'];
export type RuleConditionValue = RuleCondition['value'];
export type RuleField = RuleCondition['field'];
export type RuleOperator = RuleCondition['operator'];
export type ApproverRef = ApiSchemas['ApproverRefRequest'];
export type ApproverKind = ApproverRef['kind'];
export type ApproverRole = NonNullable<ApproverRef['role']>;
export type ApproverField = NonNullable<ApproverRef['field']>;
export type RuleConditionGroup = ApiSchemas['RuleConditionGroupRequest'];
export type RouteStepSpec = ApiSchemas['RouteStepRequest'];
export type ApproverGroup = ApiSchemas['ApproverGroupRequest'];
export type ApprovalMode = ApproverGroup['mode'];
export type ConditionField = ApiSchemas['ConditionFieldResponse'];
export type ConditionFieldType = ConditionField['type'];
export type RouteTimeline = ApiSchemas['RouteTimelineResponse'];
export type RouteStep = ApiSchemas['RouteStepResponse'];
export type RouteGroup = ApiSchemas['RouteGroupResponse'];
export type RouteApprover = ApiSchemas['RouteApproverResponse'];
export type RouteReason = ApiSchemas['RouteReasonResponse'];
export type RuleMatch = ApiSchemas['RuleMatchResponse'];
export type ResolutionNote = ApiSchemas['ResolutionNoteResponse'];
/** Someone a route names, with their name and whether their account is still active. */
export type RoutePerson = ApiSchemas['RoundApproverResponse'];
export type ApproverCandidate = ApiSchemas['UserResponse'];
export type Workflow = ApiSchemas['WorkflowResponse'];
export type ApprovalPreview = ApiSchemas['ApprovalPreviewResponse'];
export type TryApprovalPolicyRequest = ApiSchemas['TryApprovalPolicyRequest'];
export type QuoteListItem = ApiSchemas['QuoteListItemResponse'];
export type ApprovalPage = ApiSchemas['ApprovalPageResponse'];
export type ApprovalRound = ApiSchemas['ApprovalRoundResponse'];
/** Something that happened to a step of a round besides decisions (escalated, reminded, …). */
export type StepActivity = ApiSchemas['StepActivityResponse'];
export type LineChange = ApiSchemas['LineChangeResponse'];
export type ApprovalQuote = ApiSchemas['QuoteResponse'];
export type RecordProperty = ApiSchemas['RecordPropertyResponse'];
export type DealStage = ApiSchemas['DealStage'];

export function getApprovalSettings(): Promise<ApiResult<ApprovalSettings>> {
  return apiResult(useApi().GET('/api/v1/approvals/settings'));
}

export function saveApprovalSettings(body: ApprovalSettingsRequest): Promise<ApiResult<ApprovalSettings>> {
  return apiResult(useApi().PUT('/api/v1/approvals/settings', { body }));
}

/** Users who may approve: managers and admins (admins only may ask). */
export function listApproverCandidates(): Promise<ApiResult<{ items: ApproverCandidate[] }>> {
  return apiResult(
    useApi().GET('/api/v1/users', {
      params: { query: { role: ['manager', 'admin'] } },
      querySerializer: { array: { style: 'form', explode: false } },
    }),
  );
}

/** The approval workflows that saving the settings installs: those of the set the API names. */
export async function listApprovalWorkflows(): Promise<ApiResult<Workflow[]>> {
  const result = await listWorkflows();
  if (!result.ok) return result;
  return { ok: true, data: result.data.items.filter((workflow) => workflow.setKey === result.data.quoteApprovalSetKey) };
}

/** The fields a rule may look at, with their type and the operators each allows (admins). */
export function listConditionFields(): Promise<ApiResult<ConditionField[]>> {
  return apiResult(useApi().GET('/api/v1/approvals/condition-fields'));
}

/** The route a quote would get under the policy as edited (nothing is saved); 422 with the field when the policy is invalid. */
export function tryApprovalPolicy(body: TryApprovalPolicyRequest): Promise<ApiResult<ApprovalPreview>> {
  return apiResult(useApi().POST('/api/v1/approvals/try', { body }));
}

/** Quotes to try a policy on: those whose number, title or company has `text` (the latest first). */
export async function searchQuotes(text: string, limit = 10): Promise<ApiResult<QuoteListItem[]>> {
  const q = text.trim();
  const result = await apiResult(useApi().GET('/api/v1/quotes', { params: { query: { ...(q ? { q } : {}), sort: 'updatedAt', direction: 'desc', limit } } }));
  if (!result.ok) return result;
  return { ok: true, data: result.data.items };
}

export function getApprovalPreview(quoteId: string): Promise<ApiResult<ApprovalPreview>> {
  return apiResult(useApi().GET('/api/v1/approvals/quotes/{quoteId}/preview', { params: { path: { quoteId } } }));
}

export function getApprovalPage(quoteId: string): Promise<ApiResult<ApprovalPage>> {
  return apiResult(useApi().GET('/api/v1/approvals/quotes/{quoteId}', { params: { path: { quoteId } } }));
}

/** Approve and publish; with `limits` (approve with limits) the owner may later change the quote within them. */
export function approveQuote(quoteId: string, round: number, limits?: ApiSchemas['ApprovalLimitsRequest']): Promise<ApiResult<ApprovalRound>> {
  return apiResult(useApi().POST('/api/v1/approvals/quotes/{quoteId}/approve', { params: { path: { quoteId } }, body: limits ? { round, limits } : { round } }));
}

export function requestQuoteChanges(quoteId: string, round: number, notes: string): Promise<ApiResult<ApprovalRound>> {
  return apiResult(useApi().POST('/api/v1/approvals/quotes/{quoteId}/request-changes', { params: { path: { quoteId } }, body: { round, notes } }));
}

export function getApprovalQuote(id: string): Promise<ApiResult<ApprovalQuote>> {
  return apiResult(useApi().GET('/api/v1/quotes/{id}', { params: { path: { id } } }));
}

/** A quote's properties set by the approval workflows (approval_status, approver, approved_at). */
export async function getQuoteProperties(quoteId: string): Promise<ApiResult<RecordProperty[]>> {
  const result = await apiResult(useApi().GET('/api/v1/records/{recordType}/{recordId}/properties', { params: { path: { recordType: 'quote', recordId: quoteId } } }));
  if (!result.ok) return result;
  return { ok: true, data: result.data.properties };
}

// ---- Out of office, reassigning a place, the rep's reminder ---------------------------------

export type Delegation = ApiSchemas['DelegationResponse'];
export type DelegationRequest = ApiSchemas['DelegationRequest'];
/** Someone who may approve now (an active manager or admin), to pick as delegate or new approver. */
export type ApproverChoice = ApiSchemas['ApproverChoiceResponse'];

/** Who may approve now, by name (managers and admins may ask). */
export function listApproverChoices(): Promise<ApiResult<ApproverChoice[]>> {
  return apiResult(useApi().GET('/api/v1/approvals/approvers'));
}

/** Running and planned delegations: the caller's own, or (admins) one approver's, or everyone's (none named). */
export async function listDelegations(approverId?: string): Promise<ApiResult<Delegation[]>> {
  const result = await apiResult(useApi().GET('/api/v1/approvals/delegations', { params: { query: approverId ? { approverId } : {} } }));
  if (!result.ok) return result;
  return { ok: true, data: result.data.items };
}

export function createDelegation(body: DelegationRequest): Promise<ApiResult<Delegation>> {
  return apiResult(useApi().POST('/api/v1/approvals/delegations', { body }));
}

export function cancelDelegation(id: string): Promise<ApiResult<Delegation>> {
  return apiResult(useApi().DELETE('/api/v1/approvals/delegations/{id}', { params: { path: { id } } }));
}

/** Hands `from`'s place in the current step to `to`, with a note. */
export function reassignApprover(quoteId: string, body: ApiSchemas['ReassignRequest']): Promise<ApiResult<ApprovalRound>> {
  return apiResult(useApi().POST('/api/v1/approvals/quotes/{quoteId}/reassign', { params: { path: { quoteId } }, body }));
}

/** The rep reminds the current step's approvers (429 with `retryAt` when too soon). */
export function remindApprovers(quoteId: string, round: number): Promise<ApiResult<ApprovalRound>> {
  return apiResult(useApi().POST('/api/v1/approvals/quotes/{quoteId}/remind', { params: { path: { quoteId } }, body: { round } }));
}
