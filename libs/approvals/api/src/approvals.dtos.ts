import { ApiProperty } from '@nestjs/swagger';
import { RULE_FIELDS, RULE_OPERATORS, type RuleField, type RuleOperator } from '@qa/approvals-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';

/** A rule compares with amounts, percentages, codes and stages: short texts. */
const isRuleText = (v: unknown) => typeof v === 'string' && v.length <= 200;

export class RuleConditionRequest {
  @ApiProperty({ enum: RULE_FIELDS }) @IsIn(RULE_FIELDS, { message: `field must be one of ${RULE_FIELDS.join(', ')}` }) field!: RuleField;
  @ApiProperty({ enum: RULE_OPERATORS }) @IsIn(RULE_OPERATORS, { message: `operator must be one of ${RULE_OPERATORS.join(', ')}` }) operator!: RuleOperator;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: '20' })
  @ValidateBy({
    name: 'textOrList',
    validator: {
      validate: (v: unknown) => isRuleText(v) || (Array.isArray(v) && v.length <= 20 && v.every(isRuleText)),
      defaultMessage: () => 'value must be text (at most 200 characters) or a list of such texts',
    },
  })
  value!: string | string[];
}

export class ApprovalRuleRequest {
  @ApiProperty({ required: false, description: 'Keep the id when editing a rule.' }) @IsOptional() @IsString() @MaxLength(40) id?: string;
  @ApiProperty({ example: 'Big discounts' }) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name!: string;
  @ApiProperty({ description: 'Lower first.' }) @IsInt() @Min(0) priority!: number;
  @ApiProperty({ type: [RuleConditionRequest] }) @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => RuleConditionRequest) conditions!: RuleConditionRequest[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1, { message: 'approverIds must name at least one approver' }) @ArrayMaxSize(10) @IsUUID('all', { each: true, message: 'approverIds must be user ids' }) approverIds!: string[];
  @ApiProperty({ enum: ['any', 'all'] }) @IsIn(['any', 'all'], { message: 'mode must be any or all' }) mode!: 'any' | 'all';
}

export class ApprovalSettingsRequest {
  @ApiProperty({ description: 'Require approval on all quotes.' }) @IsBoolean({ message: 'requireApproval must be true or false' }) requireApproval!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The Approver (a manager or admin).' }) @IsOptional() @IsUUID('all', { message: 'defaultApproverId must be a user id' }) defaultApproverId!: string | null;
  @ApiProperty({ type: [ApprovalRuleRequest] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ApprovalRuleRequest) rules!: ApprovalRuleRequest[];
  @ApiProperty({ required: false, description: 'The version you read (409 when stale).' }) @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ApprovalSettingsResponse {
  @ApiProperty() requireApproval!: boolean;
  @ApiProperty({ type: String, nullable: true }) defaultApproverId!: string | null;
  @ApiProperty({ type: [ApprovalRuleRequest] }) rules!: ApprovalRuleRequest[];
  @ApiProperty({ description: '0 before the first save.' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class ApproverResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class RoundApproverResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Empty when the user no longer exists.' }) name!: string;
  @ApiProperty({ description: 'False when the account was deactivated: this approver can no longer decide.' }) active!: boolean;
}

export class ApprovalPreviewResponse {
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [ApproverResponse] }) approvers!: ApproverResponse[];
  @ApiProperty({ enum: ['any', 'all'] }) mode!: 'any' | 'all';
  @ApiProperty({ type: [String], example: ['discount 25.00% > 20%'] }) reasons!: string[];
  @ApiProperty({ type: String, nullable: true }) ruleName!: string | null;
}

export class DecisionResponse {
  @ApiProperty() approverId!: string;
  @ApiProperty({ enum: ['approve', 'request_changes'] }) decision!: string;
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
  @ApiProperty({ type: [String] }) approverIds!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Who submitted this round (never one who decides it); null for old rounds.' }) submittedBy!: string | null;
  @ApiProperty({ enum: ['any', 'all'] }) mode!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [DecisionResponse] }) decisions!: DecisionResponse[];
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class ApprovalPageResponse {
  @ApiProperty() quoteId!: string;
  @ApiProperty({ type: ApprovalRoundResponse }) current!: ApprovalRoundResponse;
  @ApiProperty({ type: [ApprovalRoundResponse] }) rounds!: ApprovalRoundResponse[];
  @ApiProperty({ type: [RoundApproverResponse], description: "The current round's approvers, with whether their account is still active." }) approvers!: RoundApproverResponse[];
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
