// The signed-in user's notification preferences, through the typed client only.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type NotificationPreferences = ApiSchemas['NotificationPreferencesResponse'];
export type NotificationPreference = ApiSchemas['NotificationPreferenceItem'];
export type NotificationKind = NotificationPreference['kind'];

export function getNotificationPreferences(): Promise<ApiResult<NotificationPreferences>> {
  return apiResult(useApi().GET('/api/v1/notifications/preferences'));
}

export function saveNotificationPreferences(preferences: NotificationPreference[]): Promise<ApiResult<NotificationPreferences>> {
  return apiResult(useApi().PUT('/api/v1/notifications/preferences', { body: { preferences } }));
}
