import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@qa/notifications-contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';

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

const KINDS_TEXT = NOTIFICATION_KINDS.join(', ');

/** One kind of notification and its two channels. */
export class NotificationPreferenceItem {
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'assigned: a step waits for you; reminded; escalated: a step handed to you beside its approvers; delegated: you stand in for an approver out of office; reassigned: a place handed to you or away from you; decided: your quote approved or changes requested.' })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${KINDS_TEXT}` })
  kind!: NotificationKind;

  @ApiProperty({ description: 'Notify in the app (the bell).' })
  @IsBoolean({ message: 'inApp must be true or false' })
  inApp!: boolean;

  @ApiProperty({ description: 'Notify by e-mail (for "assigned" and people added to a step: the approval e-mail with its buttons).' })
  @IsBoolean({ message: 'email must be true or false' })
  email!: boolean;
}

export class SaveNotificationPreferencesRequest {
  @ApiProperty({ type: [NotificationPreferenceItem], description: 'The kinds to set, each once (kinds not given keep what they were).' })
  @IsArray({ message: 'preferences must be a list' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length, { message: `preferences must have at most ${NOTIFICATION_KINDS.length} entries` })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceItem)
  preferences!: NotificationPreferenceItem[];
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: [NotificationPreferenceItem], description: 'Every kind, in this order: assigned, reminded, escalated, delegated, reassigned, decided (all on until changed).' })
  preferences!: NotificationPreferenceItem[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last saved; null: never (the defaults).' }) updatedAt!: string | null;
}
