import { ApiProperty } from '@nestjs/swagger';
import { MAX_CHANGE_NOTE_LENGTH, RULE_FIELDS } from '@qa/approvals-domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApprovalSettingsResponse } from './approvals.dtos';

export class PolicyVersionsListQuery {
  @ApiProperty({ required: false, description: 'The nextBefore of the previous page: versions numbered below it.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before must be a whole number' })
  @Min(1)
  @Max(2_147_483_647)
  before?: number;
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}

export class PolicyVersionsCompareQuery {
  @ApiProperty({ description: 'The older version (what the differences start from).' }) @Type(() => Number) @IsInt({ message: 'from must be a version number' }) @Min(1) @Max(2_147_483_647) from!: number;
  @ApiProperty({ description: 'The newer version (what the differences lead to).' }) @Type(() => Number) @IsInt({ message: 'to must be a version number' }) @Min(1) @Max(2_147_483_647) to!: number;
}

export class RestorePolicyVersionRequest {
  @ApiProperty({ description: 'The settings version you read (409 APPROVALS.STALE_SETTINGS when stale).' }) @IsInt({ message: 'expectedVersion must be a whole number' }) @Min(1) @Max(2_147_483_647) expectedVersion!: number;
  @ApiProperty({ required: false, maxLength: MAX_CHANGE_NOTE_LENGTH, description: 'Why: kept with the new version.' })
  @IsOptional()
  @IsString({ message: 'changeNote must be a text' })
  @MaxLength(MAX_CHANGE_NOTE_LENGTH, { message: `changeNote must be at most ${MAX_CHANGE_NOTE_LENGTH} characters` })
  changeNote?: string;
}

export class PolicyVersionSummaryResponse {
  @ApiProperty({ description: 'The policy version (rounds record the one that routed them).' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who saved it; null for the settings as they were when versions began.' }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The version this one restored; null for an ordinary save.' }) restoredFrom!: number | null;
}

export class PolicyVersionListResponse {
  @ApiProperty({ type: [PolicyVersionSummaryResponse], description: 'Newest first.' }) items!: PolicyVersionSummaryResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as before for the next page; null on the last page.' }) nextBefore!: number | null;
}

export class PolicyVersionResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) restoredFrom!: number | null;
  @ApiProperty({ type: ApprovalSettingsResponse, description: 'The policy as that save left it (version and updatedAt: this version\'s).' }) policy!: ApprovalSettingsResponse;
}

export class PolicyDifferenceResponse {
  @ApiProperty({ enum: ['setting-changed', 'rule-added', 'rule-removed', 'rule-changed', 'rule-moved'] }) code!: string;
  @ApiProperty({ example: 'requireApproval', description: 'A setting (requireApproval, defaultApproverId, baseCurrency, businessHours, reminderCooldownHours, exchangeRates.<code>) or rules.<ruleId>.' }) path!: string;
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The rule's name in the version it is in (the newer one when in both)." }) ruleName!: string | null;
  @ApiProperty({ enum: RULE_FIELDS, isArray: true, description: 'rule-changed: the parts of the rule that changed.' }) fields!: string[];
  @ApiProperty({ nullable: true, description: 'setting-changed: the older value (null: not set).' }) from!: unknown;
  @ApiProperty({ nullable: true, description: 'setting-changed: the newer value (null: not set).' }) to!: unknown;
  @ApiProperty({ type: Number, nullable: true, description: 'rule-removed, rule-moved: its position (0-based) in the older version.' }) fromPosition!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'rule-added, rule-moved: its position (0-based) in the newer version.' }) toPosition!: number | null;
}

export class PolicyComparisonResponse {
  @ApiProperty({ type: PolicyVersionResponse }) from!: PolicyVersionResponse;
  @ApiProperty({ type: PolicyVersionResponse }) to!: PolicyVersionResponse;
  @ApiProperty({ type: [PolicyDifferenceResponse], description: 'Settings first, then rules in the newer order, removed rules last.' }) differences!: PolicyDifferenceResponse[];
}
