import { ApiProperty } from '@nestjs/swagger';
import { APPROVER_FIELDS, WATCHABLE_FIELDS } from '@qa/approvals-contracts';
import { CONDITION_FIELD_NAMES, CONDITION_OPERATORS, FIELD_TYPES } from '@qa/approvals-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';

// The policy's shape is checked here (types, sizes); what each value means (a condition value of
// its field's type, known approvers, manager levels) is checked by the domain on save, which
// names the part (`rules.1.when.0.conditions.2.value`) and the reason.

export class RuleConditionRequest {
  @ApiProperty({ enum: CONDITION_FIELD_NAMES }) @IsString() field!: string;
  @ApiProperty({ required: false, example: 'risk_level', description: 'quoteProperty: the name of the property set on the quote (a-z, 0-9 and _, at most 64).' })
  @IsOptional()
  @IsString({ message: 'property must be a text' })
  property?: string;
  @ApiProperty({ enum: CONDITION_OPERATORS, description: 'The operators a field allows depend on its type (GET /approvals/condition-fields).' }) @IsString() operator!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }],
    description: 'Money as decimal text ("10000.00"), percentages and days as numbers, codes as text (countries ISO 3166-1 alpha-2), a list for in/notIn, [from, to] for between; a quote property as text (a number for gt..lte).',
    example: 20,
  })
  @IsDefined({ message: 'value is required' })
  value!: string | number | boolean | Array<string | number>;
}

export class RuleConditionGroupRequest {
  @ApiProperty({ type: [RuleConditionRequest], description: 'All must hold.' }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RuleConditionRequest) conditions!: RuleConditionRequest[];
}

export class ApproverRefRequest {
  @ApiProperty({ enum: ['user', 'role', 'team', 'manager', 'field'] }) @IsIn(['user', 'role', 'team', 'manager', 'field'], { message: 'kind must be one of user, role, team, manager, field' }) kind!: 'user' | 'role' | 'team' | 'manager' | 'field';
  @ApiProperty({ required: false, format: 'uuid', description: 'kind user' }) @IsOptional() @IsUUID('all', { message: 'userId must be a user id' }) userId?: string;
  @ApiProperty({ required: false, enum: ['manager', 'admin'], description: 'kind role' }) @IsOptional() @IsString() role?: 'manager' | 'admin';
  @ApiProperty({ required: false, description: 'kind team' }) @IsOptional() @IsString() @MaxLength(60) team?: string;
  @ApiProperty({ required: false, description: "kind manager: 1 = the owner's manager, 2 = their manager, …" }) @IsOptional() @IsInt({ message: 'levels must be a whole number' }) levels?: number;
  @ApiProperty({ required: false, enum: APPROVER_FIELDS, description: 'kind field: the user named in this field' }) @IsOptional() @IsString() field?: (typeof APPROVER_FIELDS)[number];
}

export class ApproverGroupRequest {
  @ApiProperty({ type: [ApproverRefRequest] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ApproverRefRequest) approvers!: ApproverRefRequest[];
  @ApiProperty({ enum: ['any', 'all'], description: 'any: one of them approves for the group; all: each of them.' }) @IsIn(['any', 'all'], { message: 'mode must be any or all' }) mode!: 'any' | 'all';
}

export class RouteStepRequest {
  @ApiProperty({ type: [ApproverGroupRequest], description: 'Run in parallel; the step completes when all complete.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApproverGroupRequest)
  groups!: ApproverGroupRequest[];
}

export class RuleEscalationRequest {
  @ApiProperty({ type: Number, nullable: true, required: false, example: 8, description: 'Remind the waiting approvers after this many business hours (quarter hours, up to 500); null: no reminder.' })
  @IsOptional()
  remindAfterHours?: number | null;
  @ApiProperty({ type: Number, nullable: true, required: false, example: 16, description: 'Escalate after this many business hours (after the reminder); null: no escalation.' })
  @IsOptional()
  escalateAfterHours?: number | null;
  @ApiProperty({ enum: ['manager', 'fallback'], required: false, description: "Escalate to the waiting approvers' managers (default) or to the fallback approver." })
  @IsOptional()
  escalateTo?: 'manager' | 'fallback';
}

export class BusinessHoursRequest {
  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone of the working week.' }) @IsString({ message: 'timeZone must be a text' }) timeZone!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'Working days: 1 Monday … 7 Sunday.' }) @IsArray({ message: 'days must be a list' }) @ArrayMaxSize(7) days!: number[];
  @ApiProperty({ example: '09:00', description: 'Start of the working day (HH:MM).' }) @IsString({ message: 'start must be a time HH:MM' }) start!: string;
  @ApiProperty({ example: '17:00', description: 'End of the working day (HH:MM), after the start.' }) @IsString({ message: 'end must be a time HH:MM' }) end!: string;
}

export class PolicyRuleRequest {
  @ApiProperty({ required: false, description: 'Keep the id when editing a rule.' }) @IsOptional() @IsString() @MaxLength(40) id?: string;
  @ApiProperty({ example: 'Big discounts' }) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name!: string;
  @ApiProperty({ type: [RuleConditionGroupRequest], description: 'The rule matches when all conditions of any one group hold; no groups: every quote.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RuleConditionGroupRequest)
  when!: RuleConditionGroupRequest[];
  @ApiProperty({ type: [RouteStepRequest], description: 'Steps in order.' }) @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => RouteStepRequest) route!: RouteStepRequest[];
  @ApiProperty({ description: 'When it matches, no later rule is looked at; otherwise it stacks with the later rules that match.' })
  @IsBoolean({ message: 'firstMatchOnly must be true or false' })
  firstMatchOnly!: boolean;
  @ApiProperty({
    required: false,
    enum: WATCHABLE_FIELDS,
    isArray: true,
    description: 'Smart re-approval: on resubmission, a group this rule put on the route that approved the previous round keeps its approval while none of these quote fields changed. Empty or not sent: any change asks again.',
  })
  @IsOptional()
  @IsArray({ message: 'watchedFields must be a list' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'watchedFields must be a list of field names' })
  watchedFields?: string[];
  @ApiProperty({ type: RuleEscalationRequest, nullable: true, required: false, description: "Reminders and escalation of the rule's steps, in business hours; not sent or null: none." })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleEscalationRequest)
  escalation?: RuleEscalationRequest | null;
}

export class ApprovalSettingsRequest {
  @ApiProperty({ description: 'Require approval on all quotes.' }) @IsBoolean({ message: 'requireApproval must be true or false' }) requireApproval!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The Approver (a manager or admin): of all quotes when required, and the fallback of a group nobody else can approve.' })
  @IsOptional()
  @IsUUID('all', { message: 'defaultApproverId must be a user id' })
  defaultApproverId!: string | null;
  @ApiProperty({ type: [PolicyRuleRequest], description: 'In order: the first is looked at first.' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PolicyRuleRequest) rules!: PolicyRuleRequest[];
  @ApiProperty({ required: false, example: 'EUR', description: 'The base currency (ISO 4217) of totalInBaseCurrency; not sent: kept (EUR at first).' })
  @IsOptional()
  @IsString({ message: 'baseCurrency must be a text' })
  baseCurrency?: string;
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { type: 'string' },
    description: 'Currency code → 1 unit of it in base currency, as decimal text (positive, at most 10 decimals), e.g. { "USD": "0.92" }; not sent: kept.',
  })
  @IsOptional()
  @IsObject({ message: 'exchangeRates must be an object of currency code to rate' })
  exchangeRates?: Record<string, string>;
  @ApiProperty({ type: BusinessHoursRequest, required: false, description: 'The working week reminders and escalations count in; not sent: kept (Monday to Friday 09:00–17:00 Europe/Amsterdam at first).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BusinessHoursRequest)
  businessHours?: BusinessHoursRequest;
  @ApiProperty({ required: false, minimum: 1, maximum: 168, description: "Hours a quote's rep waits between two reminders of one step (1–168); not sent: kept (24 at first)." })
  @IsOptional()
  @IsInt({ message: 'reminderCooldownHours must be a whole number of hours' })
  reminderCooldownHours?: number;
  @ApiProperty({ required: false, description: 'The version you read (409 when stale).' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiProperty({ required: false, maxLength: 500, description: 'Why: kept with the policy version this save writes.' })
  @IsOptional()
  @IsString({ message: 'changeNote must be a text' })
  @MaxLength(500, { message: 'changeNote must be at most 500 characters' })
  changeNote?: string;
}

export class TryApprovalPolicyRequest extends ApprovalSettingsRequest {
  @ApiProperty({ format: 'uuid', description: 'The quote to try the policy on (as its owner would submit it).' }) @IsUUID('all', { message: 'quoteId must be a quote id' }) quoteId!: string;
}

export class ApprovalSettingsResponse {
  @ApiProperty() requireApproval!: boolean;
  @ApiProperty({ type: String, nullable: true }) defaultApproverId!: string | null;
  @ApiProperty({ type: [PolicyRuleRequest] }) rules!: PolicyRuleRequest[];
  @ApiProperty({ example: 'EUR', description: 'The base currency (ISO 4217) of totalInBaseCurrency.' }) baseCurrency!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Currency code → 1 unit of it in base currency (decimal text).' }) exchangeRates!: Record<string, string>;
  @ApiProperty({ type: BusinessHoursRequest, description: 'The working week reminders and escalations count in.' }) businessHours!: BusinessHoursRequest;
  @ApiProperty({ description: "Hours a quote's rep waits between two reminders of one step." }) reminderCooldownHours!: number;
  @ApiProperty({ description: 'The policy version: 0 before the first save; every round records the version that routed it.' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class ConditionFieldResponse {
  @ApiProperty({ enum: CONDITION_FIELD_NAMES }) field!: string;
  @ApiProperty({ enum: FIELD_TYPES }) type!: string;
  @ApiProperty({ enum: CONDITION_OPERATORS, isArray: true }) operators!: string[];
}

// --- The route, as the API shows it --------------------------------------------------------

export class RouteReasonResponse {
  @ApiProperty({ enum: ['condition', 'always', 'all-quotes', 'legacy'] }) code!: string;
  @ApiProperty({ required: false, enum: CONDITION_FIELD_NAMES }) field?: string;
  @ApiProperty({ required: false, description: 'quoteProperty: the property looked at.' }) property?: string;
  @ApiProperty({ required: false, enum: CONDITION_OPERATORS }) operator?: string;
  @ApiProperty({ required: false, description: "The rule's value." }) expected?: unknown;
  @ApiProperty({ required: false, description: "The quote's value (null when it has none)." }) actual?: unknown;
  @ApiProperty({ required: false, description: 'For money.' }) currency?: string;
  @ApiProperty({ required: false, description: 'legacy: a reason written as text before reasons were codes.' }) text?: string;
}

export class RuleMatchResponse {
  @ApiProperty() ruleId!: string;
  @ApiProperty({ description: 'Empty for "approval on all quotes".' }) ruleName!: string;
  @ApiProperty({ type: [RouteReasonResponse] }) reasons!: RouteReasonResponse[];
  @ApiProperty({ required: false, enum: WATCHABLE_FIELDS, isArray: true, description: 'The quote fields the rule watched when routed (smart re-approval); absent: any change asks again.' }) watchedFields?: string[];
}

export class ResolutionNoteResponse {
  @ApiProperty({ enum: ['moved-up', 'fallback', 'unresolved'] }) code!: string;
  @ApiProperty({ enum: ['owner', 'submitter', 'inactive', 'not-approver', 'none'] }) because!: string;
  @ApiProperty({ required: false, type: String, nullable: true, description: 'moved-up: who was passed over.' }) skipped?: string | null;
  @ApiProperty({ required: false, description: 'moved-up, fallback: who approves instead.' }) to?: string;
}

export class RouteApproverResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['waiting', 'pending', 'approved', 'changes_requested', 'cancelled', 'not_needed'] }) state!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) at!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The approval was carried over from this earlier round (none of the fields its rules watch changed); null otherwise.' }) carriedFromRound!: number | null;
  @ApiProperty({ required: false, description: 'Present when someone else decided in this approver\'s place: their delegate (or the fallback approver), "on behalf of" them.' }) decidedBy?: string;
}

export class RouteGroupResponse {
  @ApiProperty({ enum: ['any', 'all'] }) mode!: string;
  @ApiProperty({ enum: ['waiting', 'pending', 'approved', 'changes_requested', 'cancelled'] }) state!: string;
  @ApiProperty({ type: [ApproverRefRequest], description: 'Whom the rule names.' }) refs!: ApproverRefRequest[];
  @ApiProperty({ type: [String], description: 'The rules that put this group on the route.' }) ruleIds!: string[];
  @ApiProperty({ type: [ResolutionNoteResponse] }) notes!: ResolutionNoteResponse[];
  @ApiProperty({ type: [RouteApproverResponse], description: 'Whom it resolved to at submit.' }) approvers!: RouteApproverResponse[];
}

export class RouteStepResponse {
  @ApiProperty({ description: '1 = first.' }) step!: number;
  @ApiProperty({ enum: ['waiting', 'pending', 'approved', 'changes_requested', 'cancelled'] }) state!: string;
  @ApiProperty({ type: [RouteGroupResponse] }) groups!: RouteGroupResponse[];
}

export class RouteTimelineResponse {
  @ApiProperty({ description: 'The policy version that routed it (0: before versions were kept).' }) policyVersion!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The step deciding now (1 = first); null once the round is over.' }) currentStep!: number | null;
  @ApiProperty({ type: [RuleMatchResponse], description: 'Why: the rules that matched, with the conditions that held.' }) rules!: RuleMatchResponse[];
  @ApiProperty({ type: [RouteStepResponse] }) steps!: RouteStepResponse[];
}

export class RoundApproverResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Empty when the user no longer exists.' }) name!: string;
  @ApiProperty({ description: 'False when the account was deactivated: this approver can no longer decide.' }) active!: boolean;
}

export class ApprovalPreviewResponse {
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: 'Every group of every step has an approver (else the quote cannot be submitted).' }) complete!: boolean;
  @ApiProperty({ type: RouteTimelineResponse, nullable: true, description: 'The route it would get (every step waiting); null when no approval is needed.' }) route!: RouteTimelineResponse | null;
  @ApiProperty({ type: [RoundApproverResponse], description: 'Everyone the route names, with their names.' }) people!: RoundApproverResponse[];
}

export class ApprovalLimitsResponse {
  @ApiProperty({ type: String, nullable: true, example: '15.00', description: 'At most this percent off: each line discount (of its gross) and the quote discount (of the subtotal).' })
  maxDiscountPercent!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10000.00', description: "The quote's total at least this, in its currency." })
  minTotal!: string | null;
}

export class DecisionResponse {
  @ApiProperty() approverId!: string;
  @ApiProperty({ enum: ['approve', 'request_changes'] }) decision!: string;
  @ApiProperty({ required: false, description: 'The step (0-based) it was made at.' }) step?: number;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ required: false, description: 'Carried over from this earlier round on resubmission (smart re-approval); absent: made in this round.' }) carriedFromRound?: number;
  @ApiProperty({ required: false, description: 'Decided by approverId (a delegate or the fallback approver) in the place of this approver: counts as theirs.' }) onBehalfOf?: string;
  @ApiProperty({ type: ApprovalLimitsResponse, nullable: true, required: false, description: 'Approved with limits: the bounds this approver set.' }) limits?: ApprovalLimitsResponse | null;
}

export class LineChangeResponse {
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: {} }, description: 'field → [before, after]' }) changes!: Record<string, [unknown, unknown]>;
}

export class RoundChangesResponse {
  @ApiProperty({ type: [LineChangeResponse] }) lines!: LineChangeResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: {} } }) quote!: Record<string, [unknown, unknown]>;
}

export class StepActivityResponse {
  @ApiProperty({ enum: ['delegated', 'reassigned', 'escalated', 'fallback', 'reminded'] }) kind!: string;
  @ApiProperty({ description: 'The step (0-based).' }) step!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Whose place it was (delegated, reassigned, fallback).' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who it went to; null for a reminder, or a fallback with nobody to go to.' }) to!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who did it; null: the system (a delegation, a deactivation, a timer).' }) by!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A note for people (reassignment).' }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why, as a code: out-of-office, delegate-unavailable (delegated, fallback), inactive, not-approver (fallback), no-decision (escalated).' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OutOfOfficeResponse {
  @ApiProperty() approverId!: string;
  @ApiProperty({ description: 'Who decides in their place now.' }) standInId!: string;
  @ApiProperty({ enum: ['delegated', 'fallback'], description: 'delegated: their delegate; fallback: the fallback approver (no delegate may decide this quote).' }) kind!: 'delegated' | 'fallback';
}

export class ReminderStateResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a reminder may be sent again; null: now.' }) retryAt!: string | null;
}

export class ApprovalRoundResponse {
  @ApiProperty() round!: number;
  @ApiProperty({ enum: ['pending', 'approved', 'changes_requested', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [String], description: 'Everyone on the route (any step).' }) approverIds!: string[];
  @ApiProperty({ type: [String], description: 'Who decides now: the current step\'s approvers (none once decided).' }) currentApproverIds!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Who submitted this round (never one who decides it); null for old rounds.' }) submittedBy!: string | null;
  @ApiProperty({ type: RouteTimelineResponse }) route!: RouteTimelineResponse;
  @ApiProperty({ type: [DecisionResponse] }) decisions!: DecisionResponse[];
  @ApiProperty({ type: [StepActivityResponse], description: 'What happened to its steps besides decisions, in order: delegations, reassignments, escalations, fallbacks, reminders.' }) activity!: StepActivityResponse[];
  @ApiProperty({ type: ApprovalLimitsResponse, nullable: true, description: "The tightest limits the round's approvals set (approve with limits); null: none." }) limits!: ApprovalLimitsResponse | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class ApprovalPageResponse {
  @ApiProperty() quoteId!: string;
  @ApiProperty({ type: ApprovalRoundResponse }) current!: ApprovalRoundResponse;
  @ApiProperty({ type: [ApprovalRoundResponse] }) rounds!: ApprovalRoundResponse[];
  @ApiProperty({ type: [RoundApproverResponse], description: "Everyone the current round's route names, with whether their account is still active." }) approvers!: RoundApproverResponse[];
  @ApiProperty({ type: RoundChangesResponse, description: 'What changed since the previous round.' }) changes!: RoundChangesResponse;
  @ApiProperty({ description: 'Whether the caller can approve or request changes now.' }) canDecide!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When the caller decides in the place of an approver out of office (a delegate): that approver; else null.' }) decidesFor!: string | null;
  @ApiProperty({ type: [OutOfOfficeResponse], description: 'Approvers of the current step out of office now (their place still open), and who decides in their place.' }) outOfOffice!: OutOfOfficeResponse[];
  @ApiProperty({ type: [String], description: "The current step's approvers whose place the caller may reassign now (their own; admins: anyone's open place)." }) mayReassign!: string[];
  @ApiProperty({ type: ReminderStateResponse, nullable: true, description: "For the quote's rep while the round is pending: whether they may remind its approvers now; null for others." }) reminder!: ReminderStateResponse | null;
}

export class ApprovalLimitsRequest {
  @ApiProperty({ type: String, nullable: true, required: false, example: '15', description: 'At most this percent off (0–100, two decimals): each line discount and the quote discount.' })
  @IsOptional()
  @IsString({ message: 'maxDiscountPercent must be a decimal text' })
  @MaxLength(20)
  maxDiscountPercent?: string | null;
  @ApiProperty({ type: String, nullable: true, required: false, example: '10000', description: "The quote's total at least this (≥ 0, in the quote's currency, at most its decimals)." })
  @IsOptional()
  @IsString({ message: 'minTotal must be a decimal text' })
  @MaxLength(20)
  minTotal?: string | null;
}

export class DecisionRequest {
  @ApiProperty({ description: 'The round you looked at (409 APPROVALS.STALE_ROUND when it is over).' }) @IsInt() @Min(1) round!: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @ApiProperty({
    type: ApprovalLimitsRequest,
    nullable: true,
    required: false,
    description:
      'Approve with limits: the owner may change the approved quote within them without a new round (never shown to the buyer). At least one bound; the quote must already be within them (422 APPROVALS.LIMITS_NOT_MET); bad bounds: 422 APPROVALS.INVALID_LIMITS naming limits.maxDiscountPercent or limits.minTotal.',
  })
  @IsOptional()
  @IsObject({ message: 'limits must be an object' })
  @ValidateNested()
  @Type(() => ApprovalLimitsRequest)
  limits?: ApprovalLimitsRequest | null;
}

export class RequestChangesRequest {
  @ApiProperty() @IsInt() @Min(1) round!: number;
  @ApiProperty({ description: 'Required: what the creator should change.' }) @IsString() @IsNotEmpty({ message: 'notes must not be empty' }) @MaxLength(5000) notes!: string;
}
