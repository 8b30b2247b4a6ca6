import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { caller, MemoryNotificationPreferences } from '../../testing/in-memory-notifications';
import { GetNotificationPreferencesHandler } from '../../queries/get-notification-preferences/get-notification-preferences.handler';
import { GetNotificationPreferencesQuery } from '../../queries/get-notification-preferences/get-notification-preferences.query';
import { SaveNotificationPreferencesCommand } from './save-notification-preferences.command';
import { SaveNotificationPreferencesHandler } from './save-notification-preferences.handler';

describe('SaveNotificationPreferencesHandler and GetNotificationPreferencesHandler', () => {
  const clock = new ManualClock('2026-12-04T09:00:00Z');

  it('saves the caller’s own preferences only, and reads them back (defaults for anyone who never saved)', async () => {
    const preferences = new MemoryNotificationPreferences();
    const save = new SaveNotificationPreferencesHandler(preferences, clock);
    const get = new GetNotificationPreferencesHandler(preferences);
    const saved = await save.execute(new SaveNotificationPreferencesCommand(caller('rep-1'), [{ kind: 'reminded', inApp: false, email: false }]));
    expect([saved.userId, saved.version, saved.updatedAt]).toEqual(['rep-1', 1, new Date('2026-12-04T09:00:00Z')]);
    const mine = await get.execute(new GetNotificationPreferencesQuery(caller('rep-1')));
    expect(mine.list().find((p) => p.kind === 'reminded')).toEqual({ kind: 'reminded', inApp: false, email: false });
    const others = await get.execute(new GetNotificationPreferencesQuery(caller('admin-1', 'admin')));
    expect([others.list().every((p) => p.inApp && p.email), others.updatedAt]).toEqual([true, null]);
    expect([...preferences.rows.keys()]).toEqual(['rep-1']);
  });

  it('saves nothing when a change is refused', async () => {
    const preferences = new MemoryNotificationPreferences();
    const save = new SaveNotificationPreferencesHandler(preferences, clock);
    await expect(save.execute(new SaveNotificationPreferencesCommand(caller('rep-1'), [{ kind: 'everything', inApp: false, email: false }]))).rejects.toMatchObject({
      code: 'NOTIFICATIONS.INVALID_PREFERENCES',
      details: { fields: [{ field: 'preferences.0.kind', reason: expect.stringContaining('must be one of') }] },
    });
    expect(preferences.rows.size).toBe(0);
  });
});
