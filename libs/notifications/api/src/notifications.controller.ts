import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetNotificationPreferencesQuery, ListNotificationsQuery, MarkAllNotificationsReadCommand, MarkNotificationReadCommand, SaveNotificationPreferencesCommand } from '@qa/notifications-application';
import type { Notification, NotificationPreferences } from '@qa/notifications-domain';
import { Authenticated, CqrsController, CurrentCaller } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { ListNotificationsRequest, MarkAllReadResponse, NotificationListResponse, NotificationPreferencesResponse, NotificationResponse, SaveNotificationPreferencesRequest } from './notifications.dtos';

const view = (n: Notification): NotificationResponse => ({
  id: n.id,
  title: n.title,
  body: n.body,
  message: n.message ?? null,
  link: n.link,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
});

const preferencesView = (p: NotificationPreferences): NotificationPreferencesResponse => ({
  preferences: p.list(),
  updatedAt: p.updatedAt ? new Date(p.updatedAt).toISOString() : null,
});

@ApiTags('notifications')
@Controller({ path: 'notifications', version: '1' })
@Authenticated()
export class NotificationsController extends CqrsController {
  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListNotificationsRequest): Promise<NotificationListResponse> {
    const { items, unread } = await this.queries.execute(new ListNotificationsQuery(caller, query.unread === 'true'));
    return { items: items.map(view), unread };
  }

  @Get('preferences')
  @ApiOperation({ operationId: 'getNotificationPreferences', summary: 'My notification preferences: per kind, in the app and by e-mail' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async preferences(@CurrentCaller() caller: Caller): Promise<NotificationPreferencesResponse> {
    return preferencesView(await this.queries.execute(new GetNotificationPreferencesQuery(caller)));
  }

  @Put('preferences')
  @ApiOperation({ operationId: 'saveNotificationPreferences', summary: 'Set my notification preferences for the kinds given' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async savePreferences(@CurrentCaller() caller: Caller, @Body() body: SaveNotificationPreferencesRequest): Promise<NotificationPreferencesResponse> {
    return preferencesView(await this.commands.execute(new SaveNotificationPreferencesCommand(caller, body.preferences)));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one of my notifications as read' })
  @ApiOkResponse({ type: NotificationResponse })
  async markRead(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationResponse> {
    return view(await this.commands.execute(new MarkNotificationReadCommand(caller, id)));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all my notifications as read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  async markAllRead(@CurrentCaller() caller: Caller): Promise<MarkAllReadResponse> {
    return { marked: await this.commands.execute(new MarkAllNotificationsReadCommand(caller)) };
  }
}
