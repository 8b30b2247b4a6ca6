import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { NotificationsService } from '@qa/notifications-application';
import type { Notification } from '@qa/notifications-domain';
import { Authenticated, CurrentCaller } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { IsIn, IsOptional } from 'class-validator';

export class ListNotificationsRequest {
  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'Only unread ones.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
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

const view = (n: Notification): NotificationResponse => ({
  id: n.id,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
});

@ApiTags('notifications')
@Controller({ path: 'notifications', version: '1' })
@Authenticated()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListNotificationsRequest): Promise<NotificationListResponse> {
    const [items, unread] = await Promise.all([this.notifications.list(caller, query.unread === 'true'), this.notifications.countUnread(caller)]);
    return { items: items.map(view), unread };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one of my notifications as read' })
  @ApiOkResponse({ type: NotificationResponse })
  async markRead(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationResponse> {
    return view(await this.notifications.markRead(caller, id));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all my notifications as read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  async markAllRead(@CurrentCaller() caller: Caller): Promise<MarkAllReadResponse> {
    return { marked: await this.notifications.markAllRead(caller) };
  }
}
