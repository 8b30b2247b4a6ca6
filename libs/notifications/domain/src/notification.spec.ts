import { describe, expect, it } from 'vitest';
import { Notification } from './notification';

const create = (link: string | null = '/quotes/q1') => Notification.create({ recipientUserId: 'rep-1', title: 'Quote approved', body: 'Your quote was approved', link, sourceKey: 'n-1' });

describe('Notification', () => {
  it('is created unread, with a created event', () => {
    const notification = create();
    expect(notification).toMatchObject({ recipientUserId: 'rep-1', readAt: null, emailedAt: null, sourceKey: 'n-1' });
    expect(notification.pullEvents().map((e) => [e.name, e.payload])).toEqual([
      ['notifications.notification.created.v1', { notificationId: notification.id, recipientUserId: 'rep-1', title: 'Quote approved', body: 'Your quote was approved', link: '/quotes/q1' }],
    ]);
  });

  it('keeps the first moment it was read and e-mailed', () => {
    const notification = create();
    notification.markRead(new Date('2026-11-26T10:00:00Z'));
    notification.markRead(new Date('2026-11-26T11:00:00Z'));
    notification.markEmailed(new Date('2026-11-26T10:30:00Z'));
    notification.markEmailed(new Date('2026-11-26T11:30:00Z'));
    expect([notification.readAt, notification.emailedAt]).toEqual([new Date('2026-11-26T10:00:00Z'), new Date('2026-11-26T10:30:00Z')]);
  });

  it('writes its e-mail copy with an absolute link', () => {
    expect(create().emailTo('rep@example.com', 'https://app.example.com')).toEqual({ to: 'rep@example.com', subject: 'Quote approved', text: 'Your quote was approved\n\nhttps://app.example.com/quotes/q1' });
    expect(create(null).emailTo('rep@example.com', 'https://app.example.com').text).toBe('Your quote was approved');
  });

  it('words the e-mail of a notification given as a code, and falls back to the stored text for an unknown code', () => {
    const coded = (code: string) =>
      Notification.create({ recipientUserId: 'rep-1', title: code, body: '', message: { code, params: { number: 'Q-2026-0042', title: 'Data platform' } }, link: '/quotes/q1', sourceKey: 'n-2' });
    expect(coded('approvals.quoteApproved').emailTo('rep@example.com', 'https://app.example.com')).toEqual({
      to: 'rep@example.com',
      subject: 'Quote Q-2026-0042 was approved',
      text: '"Data platform" is approved and published: you can now share it with your contacts.\n\nhttps://app.example.com/quotes/q1',
    });
    expect(coded('someone.elses.code').emailTo('rep@example.com', 'https://app.example.com')).toMatchObject({ subject: 'someone.elses.code', text: '\n\nhttps://app.example.com/quotes/q1' });
  });
});
