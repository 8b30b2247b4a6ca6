import { SendNotificationCommand } from '@qa/notifications-contracts';
import { NotificationPreferences } from '@qa/notifications-domain';
import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryNotificationPreferences, MemoryNotifications, MemoryOutgoingEmails, newNotification, RecordingMailer } from '../../testing/in-memory-notifications';
import { SendNotificationHandler } from './send-notification.handler';

describe('SendNotificationHandler', () => {
  const clock = new ManualClock('2026-12-04T09:00:00Z');
  let notifications: MemoryNotifications;
  let preferences: MemoryNotificationPreferences;
  let emails: MemoryOutgoingEmails;
  let mailer: RecordingMailer;
  const handler = () => new SendNotificationHandler(notifications, preferences, emails, mailer, { baseUrl: 'https://app.example.com' }, clock);
  const prefer = async (userId: string, changes: Array<{ kind: string; inApp: boolean; email: boolean }>) => {
    const mine = NotificationPreferences.defaults(userId);
    mine.change(changes, clock.now());
    await preferences.save(mine);
  };
  const coded = (code: string, extra: object = {}) =>
    newNotification({ title: code, body: '', message: { code, params: { number: 'Q-2026-0042', title: 'Website redesign' } }, link: '/quotes/q1/approval', sourceKey: `k-${code}`, ...extra });

  beforeEach(() => {
    notifications = new MemoryNotifications();
    preferences = new MemoryNotificationPreferences();
    emails = new MemoryOutgoingEmails();
    mailer = new RecordingMailer();
  });

  it('notifies the recipient, with a created event (the e-mail copy follows from it)', async () => {
    const result = await handler().execute(new SendNotificationCommand(newNotification()));
    const notification = notifications.notifications.get(result.id!)!;
    expect(result).toEqual({ id: notification.id, created: true });
    expect(notification).toMatchObject({ recipientUserId: 'rep-1', title: 'Quote approved', link: '/quotes/q1', readAt: null, emailedAt: null, emailCopy: true });
    expect(notification.pullEvents().map((e) => e.name)).toEqual(['notifications.notification.created.v1']);
  });

  it('notifies once per source key', async () => {
    const first = await handler().execute(new SendNotificationCommand(newNotification({ sourceKey: 'n-1' })));
    expect(await handler().execute(new SendNotificationCommand(newNotification({ sourceKey: 'n-1', title: 'Again' })))).toEqual({ id: first.id, created: false });
    expect([...notifications.notifications.values()].map((n) => n.title)).toEqual(['Quote approved']);
  });

  it('keeps the e-mail copy off when the kind’s e-mail is switched off, or when the sender e-mails the recipient itself', async () => {
    await prefer('rep-1', [{ kind: 'decided', inApp: true, email: false }]);
    const decided = await handler().execute(new SendNotificationCommand(coded('approvals.changesRequested', { kind: 'decided' })));
    const assigned = await handler().execute(new SendNotificationCommand(coded('approvals.stepAssigned', { kind: 'assigned', emailCopy: false })));
    const reminded = await handler().execute(new SendNotificationCommand(coded('approvals.stepEscalated', { kind: 'escalated' })));
    expect([decided, assigned, reminded].map((r) => notifications.notifications.get(r.id!)?.emailCopy)).toEqual([false, false, true]);
  });

  it('makes no in-app notification when the kind is off in the app, and e-mails it instead (once) when its e-mail is on', async () => {
    await prefer('rep-1', [
      { kind: 'decided', inApp: false, email: true },
      { kind: 'reassigned', inApp: false, email: false },
    ]);
    const changes = coded('approvals.changesRequested', { kind: 'decided', message: { code: 'approvals.changesRequested', params: { number: 'Q-2026-0042', title: 'Website redesign', by: 'Max', note: 'Lower the discount' } } });
    expect(await handler().execute(new SendNotificationCommand(changes))).toEqual({ id: null, created: false });
    expect(await handler().execute(new SendNotificationCommand(changes))).toEqual({ id: null, created: false }); // redelivered
    expect(await handler().execute(new SendNotificationCommand(coded('approvals.stepReassignedAway', { kind: 'reassigned' })))).toEqual({ id: null, created: false });
    expect(notifications.notifications.size).toBe(0);
    expect([...emails.emails.values()].map((e) => [e.recipientUserId, e.sourceKey, e.subject, e.text])).toEqual([
      ['rep-1', 'notification:k-approvals.changesRequested', 'Changes requested on quote Q-2026-0042', 'Max requested changes to "Website redesign": Lower the discount\n\nhttps://app.example.com/quotes/q1/approval'],
    ]);
    expect([...emails.emails.values()][0]!.html).toContain('<a href="https://app.example.com/quotes/q1/approval">Open it in the app</a>');
  });

  it('reads the kind of the built-in workflows’ codes (approved: decided; the reminder: reminded), and always sends a notification of no kind', async () => {
    await prefer('rep-1', [
      { kind: 'decided', inApp: false, email: false },
      { kind: 'reminded', inApp: false, email: false },
    ]);
    expect((await handler().execute(new SendNotificationCommand(coded('approvals.quoteApproved')))).id).toBeNull();
    expect((await handler().execute(new SendNotificationCommand(coded('approvals.approvalReminder')))).id).toBeNull();
    expect((await handler().execute(new SendNotificationCommand(coded('approvals.reviewQuote')))).created).toBe(true);
    expect((await handler().execute(new SendNotificationCommand(newNotification({ sourceKey: 'typed' })))).created).toBe(true);
    expect(notifications.notifications.size).toBe(2);
    expect(emails.emails.size).toBe(0);
  });

  it('sends nothing instead when no mail server is configured', async () => {
    mailer = new RecordingMailer(false);
    await prefer('rep-1', [{ kind: 'decided', inApp: false, email: true }]);
    expect(await handler().execute(new SendNotificationCommand(coded('approvals.changesRequested', { kind: 'decided' })))).toEqual({ id: null, created: false });
    expect([notifications.notifications.size, emails.emails.size]).toEqual([0, 0]);
  });
});
