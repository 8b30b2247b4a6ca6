import { ApiProperty } from '@nestjs/swagger';
import type { ApprovalAnalytics, DurationStats, LeakageRow } from '@qa/analytics-contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Checked by the query handler (422 naming the field), so the DTO only takes text. */
export class ApprovalAnalyticsRequest {
  @ApiProperty({ required: false, example: '2026-09-01', description: 'First day (UTC, inclusive); default: 89 days before `to`' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiProperty({ required: false, example: '2026-11-30', description: 'Last day (UTC, inclusive); default: today' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiProperty({ required: false, description: "The reps' team (the quote owner's)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string;

  @ApiProperty({ required: false, description: 'A rule id of the approval policy' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rule?: string;

  @ApiProperty({ required: false, enum: ['week', 'month'], default: 'week' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  bucket?: string;
}

export class DurationStatsResponse implements DurationStats {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true }) medianHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Hours!: number | null;
}

export class LeakageRowResponse implements LeakageRow {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() count!: number;
  @ApiProperty() requestedPercent!: number;
  @ApiProperty() approvedPercent!: number;
  @ApiProperty() requestedDiscountMinor!: number;
  @ApiProperty() approvedDiscountMinor!: number;
}

class AnalyticsFilterResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: String, nullable: true }) team!: string | null;
  @ApiProperty({ type: String, nullable: true }) rule!: string | null;
  @ApiProperty({ enum: ['week', 'month'] }) bucket!: 'week' | 'month';
}
class RuleOptionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}
class AnalyticsOptionsResponse {
  @ApiProperty({ type: [String] }) teams!: string[];
  @ApiProperty({ type: [RuleOptionResponse] }) rules!: RuleOptionResponse[];
}
class TimeInApprovalResponse {
  @ApiProperty({ type: [DurationStatsResponse] }) byApprover!: DurationStatsResponse[];
  @ApiProperty({ type: [DurationStatsResponse] }) byStep!: DurationStatsResponse[];
  @ApiProperty({ type: [DurationStatsResponse] }) byRule!: DurationStatsResponse[];
  @ApiProperty({ type: [DurationStatsResponse], description: "By the reps' team ('' for none)" }) byTeam!: DurationStatsResponse[];
  @ApiProperty({ type: [DurationStatsResponse], description: 'By week (its Monday) or month of the decision' }) overTime!: DurationStatsResponse[];
}
class OpenByAgeResponse {
  @ApiProperty({ enum: ['lt1d', '1to3d', '3to7d', 'gt7d'] }) bucket!: 'lt1d' | '1to3d' | '3to7d' | 'gt7d';
  @ApiProperty() count!: number;
}
class RatesResponse {
  @ApiProperty() decided!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() changesRequested!: number;
  @ApiProperty() approvedPercent!: number;
  @ApiProperty() changesRequestedPercent!: number;
}
class LeakageResponse {
  @ApiProperty({ type: [LeakageRowResponse] }) byRep!: LeakageRowResponse[];
  @ApiProperty({ type: [LeakageRowResponse] }) byProduct!: LeakageRowResponse[];
}
class CountRowResponse {
  @ApiProperty() key!: string;
  @ApiProperty() count!: number;
}
class LabelledCountRowResponse extends CountRowResponse {
  @ApiProperty() label!: string;
}
class EscalationsResponse {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CountRowResponse] }) byPeriod!: CountRowResponse[];
  @ApiProperty({ type: [LabelledCountRowResponse] }) byRule!: LabelledCountRowResponse[];
}

export class ApprovalAnalyticsResponse implements ApprovalAnalytics {
  @ApiProperty({ type: AnalyticsFilterResponse }) filter!: AnalyticsFilterResponse;
  @ApiProperty({ type: AnalyticsOptionsResponse }) options!: AnalyticsOptionsResponse;
  @ApiProperty({ type: TimeInApprovalResponse }) timeInApproval!: TimeInApprovalResponse;
  @ApiProperty({ type: [OpenByAgeResponse] }) openByAge!: OpenByAgeResponse[];
  @ApiProperty({ type: RatesResponse }) rates!: RatesResponse;
  @ApiProperty({ type: LeakageResponse }) leakage!: LeakageResponse;
  @ApiProperty({ type: [DurationStatsResponse] }) slowestApprovers!: DurationStatsResponse[];
  @ApiProperty({ type: EscalationsResponse }) escalations!: EscalationsResponse;
}
