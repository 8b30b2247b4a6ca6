import type { RouteRecordRaw } from 'vue-router';

export const notificationsRoutes: RouteRecordRaw[] = [
  {
    // The signed-in user's own notification preferences (from the user menu and Settings).
    path: 'settings/notifications',
    name: 'settings-notifications',
    component: () => import('./notification-settings-page.vue'),
    meta: { titleKey: 'notificationSettings.title' },
  },
];
