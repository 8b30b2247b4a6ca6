import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListNotificationsRequest {
  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'Only unread ones.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}

/** A text as a code with parameters: the client words it in the reader's language. */
export class NotificationMessageResponse {
  @ApiProperty({ example: 'approvals.quoteApproved' }) code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { number: 'Q-2026-0001', title: 'Website redesign' } }) params!: Record<string, string>;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'For a notification with a `message`, the fallback.' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: NotificationMessageResponse, nullable: true, description: 'Built-in workflow notifications: the text as a code with parameters (clients word it; title and body are the fallback).' })
  message!: NotificationMessageResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'A path in the app, e.g. /quotes/<id>.' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ description: 'Unread notifications of the caller (the bell).' }) unread!: number;
}

export class MarkAllReadResponse {
  @ApiProperty() marked!: number;
}
