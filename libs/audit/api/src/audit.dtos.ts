import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

export class ListAuditEntriesRequest {
  @ApiProperty({ required: false, example: 'quote', description: 'approval-settings, quote, approval-request, workflow, user, api-token' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'subjectType must be a subject type like quote' })
  subjectType?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'subjectId must be an id' })
  subjectId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'The `nextBefore` of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be an entry id' })
  before?: string;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1 to 200' })
  @Max(200, { message: 'limit must be 1 to 200' })
  limit?: number;
}

export class AuditActorResponse {
  @ApiProperty({ enum: ['user', 'system', 'workflow'] }) type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

export class AuditSubjectResponse {
  @ApiProperty() type!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
}

/** Any JSON value (a field of an audited subject's state). */
const anyJson = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
};
const jsonObject = { type: 'object', additionalProperties: true, nullable: true } as const;

export class AuditChangeResponse {
  @ApiProperty() field!: string;
  @ApiProperty({ ...anyJson, description: 'The value before (null when there was none)' }) before!: unknown;
  @ApiProperty({ ...anyJson, description: 'The value after (null when it was removed)' }) after!: unknown;
}

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ example: 'approvals.settings.changed' }) action!: string;
  @ApiProperty({ type: AuditSubjectResponse }) subject!: AuditSubjectResponse;
  @ApiProperty({ type: [AuditChangeResponse] }) changes!: AuditChangeResponse[];
  @ApiProperty({ ...jsonObject, description: "The subject's state before" }) before!: Record<string, unknown> | null;
  @ApiProperty({ ...jsonObject, description: "The subject's state after" }) after!: Record<string, unknown> | null;
  @ApiProperty() correlationId!: string;
}

export class AuditEntryListResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page' }) nextBefore!: string | null;
}
