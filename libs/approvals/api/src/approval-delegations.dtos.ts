import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

// Out of office (delegations), reassigning a step's place, and the rep's reminder. The shapes are
// checked here; what they mean (who may, overlaps, loops, eligible people) by the domain, which
// names the field and the reason.

export class DelegationRequest {
  @ApiProperty({ required: false, format: 'uuid', description: "Whose delegation: absent, the caller's own; an admin may set anyone's." })
  @IsOptional()
  @IsUUID('all', { message: 'approverId must be a user id' })
  approverId?: string;

  @ApiProperty({ format: 'uuid', description: 'Who decides in their place meanwhile: an active manager or admin, not the approver.' })
  @IsUUID('all', { message: 'delegateId must be a user id' })
  delegateId!: string;

  @ApiProperty({ required: false, format: 'date-time', example: '2026-12-21T08:00:00Z', description: 'From when (absent: now).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time like 2026-12-21T08:00:00Z' })
  startsAt?: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-04T08:00:00Z', description: 'Until when (not included): after startsAt and in the future. The delegation ends by itself then.' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time like 2027-01-04T08:00:00Z' })
  endsAt!: string;

  @ApiProperty({ required: false, maxLength: 500, description: 'For people, e.g. "Holiday".' })
  @IsOptional()
  @IsString({ message: 'note must be a text' })
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}

export class ListDelegationsRequest {
  @ApiProperty({ required: false, format: 'uuid', description: "One approver's (admins: anyone's; others: their own only). Absent: the caller's own; admins: everyone's." })
  @IsOptional()
  @IsUUID('all', { message: 'approverId must be a user id' })
  approverId?: string;

  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'Also those over or cancelled (default false: running and planned ones).' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includePast must be true or false' })
  includePast?: 'true' | 'false';
}

export class DelegationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() approverId!: string;
  @ApiProperty() delegateId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ enum: ['planned', 'active', 'over', 'cancelled'], description: 'By the clock now: planned (not started), active (holds), over, cancelled.' }) state!: 'planned' | 'active' | 'over' | 'cancelled';
}

export class DelegationListResponse {
  @ApiProperty({ type: [DelegationResponse], description: 'Latest start first.' }) items!: DelegationResponse[];
}

export class ApproverChoiceResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['manager', 'admin'] }) role!: 'manager' | 'admin';
}

export class ReassignRequest {
  @ApiProperty({ description: 'The round you looked at (409 APPROVALS.STALE_ROUND when it is over).' }) @IsInt() @Min(1) round!: number;
  @ApiProperty({ format: 'uuid', description: 'The approver of the current step whose place moves (yourself; admins: anyone).' })
  @IsUUID('all', { message: 'from must be a user id' })
  from!: string;
  @ApiProperty({ format: 'uuid', description: 'Who takes it: an active manager or admin, not the owner or submitter, not already in that group.' })
  @IsUUID('all', { message: 'to must be a user id' })
  to!: string;
  @ApiProperty({ maxLength: 2000, description: 'Required: why, for the new approver.' })
  @IsString({ message: 'note must be a text' })
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note!: string;
}

export class RemindRequest {
  @ApiProperty({ description: 'The round you looked at (409 APPROVALS.STALE_ROUND when it is over).' }) @IsInt() @Min(1) round!: number;
}
