/**
 * What a notification is about, as far as a user's preferences go: each kind has two channels (in
 * the app, by e-mail), both on unless the user switched them off (GET/PUT
 * /api/v1/notifications/preferences). The kinds are the changes of an approval step:
 * - assigned: a step waits for you (the round opened, or the step before completed);
 * - reminded: a reminder that a step still waits for you;
 * - escalated: a step that waited too long was handed to you beside its approvers;
 * - delegated: you stand in for an approver who is out of office;
 * - reassigned: an approver's place was handed to you, or yours to someone else;
 * - decided: a quote you own or submitted was approved, or changes were requested.
 */
export const NOTIFICATION_KINDS = ['assigned', 'reminded', 'escalated', 'delegated', 'reassigned', 'decided'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** One kind's two channels. */
export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

export const isNotificationKind = (value: unknown): value is NotificationKind => typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
