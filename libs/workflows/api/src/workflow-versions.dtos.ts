import { ApiProperty } from '@nestjs/swagger';
import { WORKFLOW_FIELDS } from '@qa/workflows-domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WorkflowRequest } from './workflows.dtos';

// A workflow's history over HTTP: list, one version, compare, restore.

export class WorkflowVersionsListQuery {
  @ApiProperty({ required: false, description: 'The nextBefore of the previous page.' }) @IsOptional() @Type(() => Number) @IsInt({ message: 'before must be a whole number' }) @Min(1) @Max(2_147_483_647) before?: number;
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 25 }) @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(100) limit?: number;
}

export class WorkflowVersionsCompareQuery {
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'from must be a version number' }) @Min(1, { message: 'from must be a version number' }) @Max(2_147_483_647, { message: 'from must be a version number' }) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'to must be a version number' }) @Min(1, { message: 'to must be a version number' }) @Max(2_147_483_647, { message: 'to must be a version number' }) to!: number;
}

export class RestoreWorkflowVersionRequest {
  @ApiProperty({ description: 'The workflow version you read (409 WORKFLOWS.STALE_VERSION when stale).' }) @IsInt({ message: 'expectedVersion must be a whole number' }) @Min(1) @Max(2_147_483_647) expectedVersion!: number;
  @ApiProperty({ required: false, maxLength: 500 }) @IsOptional() @IsString({ message: 'changeNote must be a text' }) @MaxLength(500, { message: 'changeNote must be at most 500 characters' }) changeNote?: string;
}

export class WorkflowVersionSummaryResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A user id, or `system` (the approval workflows installed or switched by the approval settings).' }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "A user's note; the system's saves: a code (installed, enabled, disabled)." }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) restoredFrom!: number | null;
}

export class WorkflowVersionListResponse {
  @ApiProperty({ type: [WorkflowVersionSummaryResponse], description: 'Newest first.' }) items!: WorkflowVersionSummaryResponse[];
  @ApiProperty({ type: Number, nullable: true }) nextBefore!: number | null;
}

export class WorkflowVersionResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) restoredFrom!: number | null;
  @ApiProperty({ type: WorkflowRequest, description: 'The definition as that save left it (no signing secrets).' }) definition!: WorkflowRequest;
}

export class WorkflowDifferenceResponse {
  @ApiProperty({ enum: ['field-changed', 'action-added', 'action-removed', 'action-changed'] }) code!: string;
  @ApiProperty({ description: `A field (${WORKFLOW_FIELDS.join(', ')}) or actions.<index> (0-based, by position).` }) path!: string;
  @ApiProperty({ type: String, nullable: true }) actionKey!: string | null;
  @ApiProperty({ nullable: true }) from!: unknown;
  @ApiProperty({ nullable: true }) to!: unknown;
}

export class WorkflowComparisonResponse {
  @ApiProperty({ type: WorkflowVersionResponse }) from!: WorkflowVersionResponse;
  @ApiProperty({ type: WorkflowVersionResponse }) to!: WorkflowVersionResponse;
  @ApiProperty({ type: [WorkflowDifferenceResponse] }) differences!: WorkflowDifferenceResponse[];
}
