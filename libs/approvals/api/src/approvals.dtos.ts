import { ApiProperty } from '@nestjs/swagger';
import { APPROVER_FIELDS } from '@qa/approvals-contracts';
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
  @ApiProperty({ required: false, description: 'The version you read (409 when stale).' }) @IsOptional() @IsInt() @Min(1) version?: number;
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

export class DecisionResponse {
  @ApiProperty() approverId!: string;
  @ApiProperty({ enum: ['approve', 'request_changes'] }) decision!: string;
  @ApiProperty({ required: false, description: 'The step (0-based) it was made at.' }) step?: number;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
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

export class ApprovalRoundResponse {
  @ApiProperty() round!: number;
  @ApiProperty({ enum: ['pending', 'approved', 'changes_requested', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [String], description: 'Everyone on the route (any step).' }) approverIds!: string[];
  @ApiProperty({ type: [String], description: 'Who decides now: the current step\'s approvers (none once decided).' }) currentApproverIds!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Who submitted this round (never one who decides it); null for old rounds.' }) submittedBy!: string | null;
  @ApiProperty({ type: RouteTimelineResponse }) route!: RouteTimelineResponse;
  @ApiProperty({ type: [DecisionResponse] }) decisions!: DecisionResponse[];
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
}

export class DecisionRequest {
  @ApiProperty({ description: 'The round you looked at (409 APPROVALS.STALE_ROUND when it is over).' }) @IsInt() @Min(1) round!: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class RequestChangesRequest {
  @ApiProperty() @IsInt() @Min(1) round!: number;
  @ApiProperty({ description: 'Required: what the creator should change.' }) @IsString() @IsNotEmpty({ message: 'notes must not be empty' }) @MaxLength(5000) notes!: string;
}
