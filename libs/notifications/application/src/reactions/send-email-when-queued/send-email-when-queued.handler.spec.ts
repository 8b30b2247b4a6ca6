import type { QueryBus } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import type { EmailQueuedPayload } from '@qa/notifications-contracts';
import { OutgoingEmail } from '@qa/notifications-domain';
import { ManualClock, type IntegrationEvent } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryOutgoingEmails, RecordingMailer } from '../../testing/in-memory-notifications';
import { SendEmailWhenQueuedHandler } from './send-email-when-queued.handler';

const queuedEvent = (email: OutgoingEmail): IntegrationEvent<EmailQueuedPayload> => ({
  id: 'e1',
  name: 'notifications.email.queued.v1',
  occurredAt: '2026-12-03T09:00:00Z',
  aggregateType: 'email',
  aggregateId: email.id,
  aggregateVersion: 1,
  actor: { type: 'system', id: null },
  correlationId: 'c1',
  payload: { emailId: email.id, recipientUserId: email.recipientUserId },
});

describe('SendEmailWhenQueuedHandler', () => {
  const clock = new ManualClock('2026-12-03T09:05:00Z');
  let emails: MemoryOutgoingEmails;
  let mailer: RecordingMailer;
  const users = new Map<string, UserSummary>([
    ['manager-1', { id: 'manager-1', email: 'max@example.com', name: 'Max', role: 'manager', active: true, team: null, reportsTo: null }],
    ['manager-2', { id: 'manager-2', email: 'gone@example.com', name: 'Gone', role: 'manager', active: false, team: null, reportsTo: null }],
  ]);
  const queries = { execute: async (query: FindUsersQuery) => query.ids.flatMap((id) => users.get(id) ?? []) } as unknown as QueryBus;
  const reaction = () => new SendEmailWhenQueuedHandler(emails, mailer, queries, clock);
  const queue = async (recipientUserId: string) => {
    const email = OutgoingEmail.queue({ recipientUserId, subject: 'Approval needed', text: 'Approve: https://x/a', html: '<a href="https://x/a">Approve</a>', sourceKey: `k-${recipientUserId}` });
    email.pullEvents();
    await emails.save(email);
    return email;
  };

  beforeEach(() => {
    emails = new MemoryOutgoingEmails();
    mailer = new RecordingMailer();
  });

  it('sends text and HTML to the recipient once, then keeps no body', async () => {
    const email = await queue('manager-1');
    await reaction().handle(queuedEvent(email));
    await reaction().handle(queuedEvent(email)); // redelivered
    expect(mailer.sent).toEqual([{ to: 'max@example.com', subject: 'Approval needed', text: 'Approve: https://x/a', html: '<a href="https://x/a">Approve</a>' }]);
    expect(email).toMatchObject({ sentAt: new Date('2026-12-03T09:05:00Z'), text: '', html: '', version: 2 });
  });

  it('sends nothing to a deactivated recipient, for an e-mail that is gone, or without SMTP', async () => {
    await reaction().handle(queuedEvent(await queue('manager-2')));
    const gone = await queue('manager-1');
    emails.emails.delete(gone.id);
    await reaction().handle(queuedEvent(gone));
    expect(mailer.sent).toEqual([]);
    mailer = new RecordingMailer(false);
    const unsent = await queue('manager-1');
    await reaction().handle(queuedEvent(unsent));
    expect(mailer.sent).toEqual([]);
    expect(unsent.sentAt).toBeNull();
  });
});
