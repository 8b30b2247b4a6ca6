import { describe, expect, it } from 'vitest';
import { kindOfNotification } from './notification-kinds';
import { NotificationPreferences } from './notification-preferences';

const at = new Date('2026-12-04T09:00:00Z');

describe('NotificationPreferences', () => {
  it('has every kind on in both channels until changed, in the documented order', () => {
    const preferences = NotificationPreferences.defaults('rep-1');
    expect(preferences.list()).toEqual([
      { kind: 'assigned', inApp: true, email: true },
      { kind: 'reminded', inApp: true, email: true },
      { kind: 'escalated', inApp: true, email: true },
      { kind: 'delegated', inApp: true, email: true },
      { kind: 'reassigned', inApp: true, email: true },
      { kind: 'decided', inApp: true, email: true },
    ]);
    expect(preferences.updatedAt).toBeNull();
  });

  it('sets the kinds given and keeps the others', () => {
    const preferences = NotificationPreferences.defaults('rep-1');
    preferences.change([{ kind: 'reminded', inApp: false, email: true }], at);
    preferences.change([{ kind: 'decided', inApp: true, email: false }], at);
    expect([preferences.allows('reminded', 'inApp'), preferences.allows('reminded', 'email'), preferences.allows('decided', 'email'), preferences.allows('assigned', 'email')]).toEqual([false, true, false, true]);
    expect(preferences.list().filter((p) => !p.inApp || !p.email)).toEqual([
      { kind: 'reminded', inApp: false, email: true },
      { kind: 'decided', inApp: true, email: false },
    ]);
    expect(preferences.updatedAt).toEqual(at);
  });

  it('refuses an unknown kind and a kind given twice, naming each field, and changes nothing', () => {
    const preferences = NotificationPreferences.defaults('rep-1');
    let refused: unknown;
    try {
      preferences.change(
        [
          { kind: 'assigned', inApp: false, email: false },
          { kind: 'weekly-digest', inApp: false, email: false },
          { kind: 'assigned', inApp: true, email: true },
        ],
        at,
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      code: 'NOTIFICATIONS.INVALID_PREFERENCES',
      kind: 'invalid',
      details: {
        fields: [
          { field: 'preferences.1.kind', reason: 'must be one of assigned, reminded, escalated, delegated, reassigned, decided' },
          { field: 'preferences.2.kind', reason: 'assigned is given more than once' },
        ],
      },
    });
    expect(preferences.allows('assigned', 'inApp')).toBe(true);
  });
});

describe('kindOfNotification', () => {
  it('takes the kind named, else the kind of a built-in workflow’s code, else none', () => {
    const message = (code: string) => ({ code, params: {} });
    expect(kindOfNotification({ kind: 'escalated', message: message('approvals.quoteApproved') })).toBe('escalated');
    expect(kindOfNotification({ message: message('approvals.quoteApproved') })).toBe('decided');
    expect(kindOfNotification({ message: message('approvals.approvalReminder') })).toBe('reminded');
    expect(kindOfNotification({ message: message('approvals.reviewQuote') })).toBeNull();
    expect(kindOfNotification({})).toBeNull();
  });
});
