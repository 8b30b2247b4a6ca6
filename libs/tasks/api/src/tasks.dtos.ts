import { ApiProperty } from '@nestjs/swagger';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@qa/tasks-contracts';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ListTasksRequest {
  @ApiProperty({ required: false, description: '`me` (default), `anyone`, or a user id.' })
  @IsOptional()
  @Matches(/^(me|anyone|[0-9a-f-]{36})$/, { message: 'assignee must be me, anyone or a user id' })
  assignee?: string;

  @ApiProperty({ required: false, enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiProperty({ required: false, example: 'quote' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'relatedType must be a record type like quote' })
  relatedType?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'relatedId must be a UUID' })
  relatedId?: string;
}

export class CreateTaskRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(300) title!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(10_000) notes?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'assigneeId must be a user id' }) assigneeId!: string;
  @ApiProperty({ required: false, example: 'quote' }) @IsOptional() @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'relatedType must be a record type like quote' }) relatedType?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'relatedId must be a UUID' }) relatedId?: string;
  @ApiProperty({ required: false, example: '2026-12-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueOn must be a date like 2026-12-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be a date like 2026-12-01' })
  dueOn?: string;
  @ApiProperty({ required: false, enum: TASK_PRIORITIES, default: 'medium' }) @IsOptional() @IsIn(TASK_PRIORITIES, { message: `priority must be one of ${TASK_PRIORITIES.join(', ')}` }) priority?: TaskPriority;
}

/** A text as a code with parameters: the client words it in the reader's language. */
export class TaskMessageResponse {
  @ApiProperty({ example: 'approvals.reviewQuote' }) code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { number: 'Q-2026-0001', title: 'Website redesign' } }) params!: Record<string, string>;
}

export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The text a user typed; for a task with a `message`, the fallback.' }) title!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: TaskMessageResponse, nullable: true, description: 'Built-in workflow tasks: the text as a code with parameters (clients word it; title is the fallback).' })
  message!: TaskMessageResponse | null;
  @ApiProperty({ format: 'uuid' }) assigneeId!: string;
  @ApiProperty({ type: String, nullable: true }) relatedType!: string | null;
  @ApiProperty({ type: String, nullable: true }) relatedId!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueOn!: string | null;
  @ApiProperty({ enum: TASK_PRIORITIES }) priority!: TaskPriority;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ enum: ['user', 'workflow'] }) createdByType!: 'user' | 'workflow';
  @ApiProperty({ type: String, nullable: true }) createdById!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class TaskListResponse {
  @ApiProperty({ type: [TaskResponse] }) items!: TaskResponse[];
}

export class TaskCountsResponse {
  @ApiProperty({ description: 'Open tasks assigned to the caller (the badge).' }) openAssignedToMe!: number;
}
