import { SendEmailCommand, type NewEmail } from '@qa/notifications-contracts';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { NotificationPreferences } from '@qa/notifications-domain';
import { MemoryNotificationPreferences, MemoryOutgoingEmails, RecordingMailer } from '../../testing/in-memory-notifications';
import { SendEmailHandler } from './send-email.handler';

const email = (overrides: Partial<NewEmail> = {}): NewEmail => ({
  recipientUserId: 'manager-1',
  subject: 'Approval needed: Q-2026-0042',
  text: 'Approve: https://app.example.com/approvals/confirm?token=a',
  html: '<p><a href="https://app.example.com/approvals/confirm?token=a">Approve</a></p>',
  sourceKey: 'approvals.step-mail:r1:0:manager-1',
  ...overrides,
});

describe('SendEmailHandler', () => {
  const clock = new ManualClock('2026-12-03T09:00:00Z');

  it('queues the e-mail with its event, once per source key', async () => {
    const emails = new MemoryOutgoingEmails();
    const handler = new SendEmailHandler(emails, new MemoryNotificationPreferences(), new RecordingMailer(), clock);
    const first = await handler.execute(new SendEmailCommand(email()));
    const again = await handler.execute(new SendEmailCommand(email({ subject: 'Another' })));
    expect(first).toEqual({ id: expect.any(String), created: true });
    expect(again).toEqual({ id: first.id, created: false });
    const [queued] = [...emails.emails.values()];
    expect(emails.emails.size).toBe(1);
    expect(queued).toMatchObject({ recipientUserId: 'manager-1', subject: 'Approval needed: Q-2026-0042', sentAt: null, createdAt: new Date('2026-12-03T09:00:00Z') });
    expect(queued!.pullEvents().map((e) => [e.name, e.payload])).toEqual([['notifications.email.queued.v1', { emailId: first.id, recipientUserId: 'manager-1' }]]);
  });

  it('keeps nothing when no mail server is configured', async () => {
    const emails = new MemoryOutgoingEmails();
    expect(await new SendEmailHandler(emails, new MemoryNotificationPreferences(), new RecordingMailer(false), clock).execute(new SendEmailCommand(email()))).toEqual({ id: null, created: false });
    expect(emails.emails.size).toBe(0);
  });

  it('sends nothing of a kind whose e-mail the recipient switched off; other kinds, and e-mails of no kind, still go', async () => {
    const emails = new MemoryOutgoingEmails();
    const preferences = new MemoryNotificationPreferences();
    const mine = NotificationPreferences.defaults('manager-1');
    mine.change([{ kind: 'assigned', inApp: true, email: false }], clock.now());
    await preferences.save(mine);
    const handler = new SendEmailHandler(emails, preferences, new RecordingMailer(), clock);
    expect(await handler.execute(new SendEmailCommand(email({ kind: 'assigned' })))).toEqual({ id: null, created: false });
    expect((await handler.execute(new SendEmailCommand(email({ kind: 'escalated', sourceKey: 'approvals.step-mail:r1:0:manager-1:escalated' })))).created).toBe(true);
    expect((await handler.execute(new SendEmailCommand(email({ sourceKey: 'no-kind' })))).created).toBe(true);
    expect([...emails.emails.values()].map((e) => e.sourceKey)).toEqual(['approvals.step-mail:r1:0:manager-1:escalated', 'no-kind']);
    expect([...emails.emails.values()].every((e) => !('kind' in e))).toBe(true);
  });
});
