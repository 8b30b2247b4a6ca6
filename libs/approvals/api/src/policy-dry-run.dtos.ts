import { ApiProperty } from '@nestjs/swagger';
import { DIFFERENCE_KINDS, DRY_RUN_STATES, MAX_DRY_RUN_LIMIT } from '@qa/approvals-domain';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { ApprovalSettingsRequest } from './approvals.dtos';

/** The policy as the editor has it (the shape a save takes), and how many of the last submitted quotes to run it over. */
export class PolicyDryRunRequest extends ApprovalSettingsRequest {
  @ApiProperty({ required: false, oneOf: [{ type: 'integer', minimum: 1, maximum: MAX_DRY_RUN_LIMIT }, { type: 'string', enum: ['all'] }], description: 'The last N submitted quotes (default 1000), or "all".' })
  @IsOptional()
  @ValidateIf((o: PolicyDryRunRequest) => o.limit !== 'all')
  @IsInt({ message: 'limit must be a whole number from 1, or all' })
  @Min(1, { message: 'limit must be a whole number from 1, or all' })
  @Max(MAX_DRY_RUN_LIMIT, { message: `limit must be at most ${MAX_DRY_RUN_LIMIT}, or all` })
  limit?: number | 'all';
}

export class PolicyDryRunStartedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class DryRunApproverResponse {
  @ApiProperty() approverId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Route steps (over the quotes looked at) they would be in under the draft.' }) draftSteps!: number;
  @ApiProperty({ description: 'Route steps they really were in.' }) realSteps!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Their median response time in hours; null: no past decision.' }) medianResponseHours!: number | null;
}

export class DryRunDifferenceResponse {
  @ApiProperty() quoteId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: DIFFERENCE_KINDS }) kind!: string;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, nullable: true, description: 'Per step its approver ids; null: no approval.' }) real!: string[][] | null;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, nullable: true, description: 'Per step its approver ids; null: no approval.' }) draft!: string[][] | null;
  @ApiProperty({ description: 'Expected wait under the draft minus the real one, in hours.' }) extraWaitHours!: number;
}

export class DryRunWaitResponse {
  @ApiProperty() totalExtraHours!: number;
  @ApiProperty() averageExtraHours!: number;
  @ApiProperty({ description: 'The median response time of all past decisions (hours): counted for approvers without one.' }) overallMedianHours!: number;
}

export class DryRunResultResponse {
  @ApiProperty() examined!: number;
  @ApiProperty() draftNeedsApproval!: number;
  @ApiProperty() realNeededApproval!: number;
  @ApiProperty({ type: [DryRunApproverResponse] }) approvers!: DryRunApproverResponse[];
  @ApiProperty({ description: 'Every difference (the list keeps the first 500).' }) differenceCount!: number;
  @ApiProperty({ type: [DryRunDifferenceResponse] }) differences!: DryRunDifferenceResponse[];
  @ApiProperty({ type: DryRunWaitResponse }) wait!: DryRunWaitResponse;
}

export class PolicyDryRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DRY_RUN_STATES }) state!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The last N submitted quotes; null: all.' }) limit!: number | null;
  @ApiProperty() processed!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: DryRunResultResponse, nullable: true, description: 'When finished.' }) result!: DryRunResultResponse | null;
}

