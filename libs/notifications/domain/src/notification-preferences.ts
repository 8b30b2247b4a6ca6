import { isNotificationKind, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind, type NotificationPreference } from '@qa/notifications-contracts';
import { NotificationErrors } from './notification.errors';

/** One kind's channels as kept: only what the user chose (a kind not kept is on in both). */
export type NotificationChoices = Partial<Record<NotificationKind, { inApp: boolean; email: boolean }>>;

/** A change as the caller sent it (checked here: the shapes were checked at the edge). */
export interface NotificationPreferenceChange {
  kind: string;
  inApp: boolean;
  email: boolean;
}

/**
 * A user's notification preferences: per kind (assigned, reminded, escalated, delegated,
 * reassigned, decided) whether to notify in the app and by e-mail. Everything is on until the
 * user switches it off; a user who never saved has no row and gets the defaults.
 */
export class NotificationPreferences {
  userId!: string;
  version: number | undefined;
  choices!: NotificationChoices;
  /** Null: never saved (the defaults). */
  updatedAt!: Date | null;

  /** Everything on. */
  static defaults(userId: string): NotificationPreferences {
    return Object.assign(new NotificationPreferences(), { userId, version: undefined, choices: {}, updatedAt: null });
  }

  /** Whether this kind may reach the user on this channel. */
  allows(kind: NotificationKind, channel: NotificationChannel): boolean {
    return this.choices[kind]?.[channel] ?? true;
  }

  /** Every kind, in the documented order, with both channels. */
  list(): NotificationPreference[] {
    return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: this.allows(kind, 'inApp'), email: this.allows(kind, 'email') }));
  }

  /**
   * Sets the kinds given (the others keep what they were). Each kind once, and a known one: else
   * 422 NOTIFICATIONS.INVALID_PREFERENCES naming each field (`preferences.<i>.kind`).
   */
  change(changes: readonly NotificationPreferenceChange[], now: Date): void {
    const problems: Array<{ field: string; reason: string }> = [];
    const seen = new Set<string>();
    changes.forEach((change, i) => {
      if (!isNotificationKind(change.kind)) problems.push({ field: `preferences.${i}.kind`, reason: `must be one of ${NOTIFICATION_KINDS.join(', ')}` });
      else if (seen.has(change.kind)) problems.push({ field: `preferences.${i}.kind`, reason: `${change.kind} is given more than once` });
      seen.add(change.kind);
    });
    if (problems.length) throw NotificationErrors.invalidPreferences(problems);
    const choices: NotificationChoices = { ...this.choices };
    for (const { kind, inApp, email } of changes) choices[kind as NotificationKind] = { inApp, email };
    this.choices = choices;
    this.updatedAt = now;
  }
}

/** The user's preferences; `forUser` answers the defaults for a user who never saved any. */
export abstract class NotificationPreferencesRepository {
  abstract find(userId: string): Promise<NotificationPreferences | null>;
  abstract save(preferences: NotificationPreferences): Promise<void>;

  async forUser(userId: string): Promise<NotificationPreferences> {
    return (await this.find(userId)) ?? NotificationPreferences.defaults(userId);
  }
}
