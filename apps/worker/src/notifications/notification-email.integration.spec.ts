import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ListUsersQuery } from '@qa/identity-application';
import { seedDemoUsers } from '@qa/identity-infrastructure';
import { SendNotificationCommand } from '@qa/notifications-contracts';
import { migrateDatabase } from '@qa/platform-database';
import { loadConfig } from '@qa/shared-config';
import { createTestDatabase, freePort, removeQueueKeys, TEST_REDIS_URL, waitUntil, waitUntilQuiet, type TestDatabase } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerModule } from '../worker.module';

/** E-mail as the second channel, against a real SMTP server this test starts on loopback. */
describe('notification e-mails', () => {
  let database: TestDatabase;
  let worker: INestApplicationContext;
  let smtp: SMTPServer;
  const received: Array<{ to: string; raw: string }> = [];
  const queuePrefix = `qa-mail-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    database = await createTestDatabase('qa_mail');
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'silent',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Quote approvals <no-reply@quotes.test>',
      APP_BASE_URL: 'https://quotes.example.com',
    });
    await migrateDatabase(config.database);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await removeQueueKeys(queuePrefix);
    await database?.drop();
  });

  it('e-mails the recipient a notification once, with a link into the app', async () => {
    const orm = worker.get(MikroORM);
    const inContext = <T>(work: () => Promise<T>) => RequestContext.create(orm.em.fork(), work);
    await inContext(() => seedDemoUsers(worker.get(CommandBus)));
    const users = await inContext(() => worker.get(QueryBus).execute(new ListUsersQuery({ roles: ['rep'] })));
    const rep = users.find((u) => u.email === 'rep@example.com')!;
    await inContext(() =>
      worker.get(CommandBus).execute(new SendNotificationCommand({ recipientUserId: rep.id, title: 'Quote Q-2026-0001 approved', body: 'You can share it now.', link: '/quotes/abc', sourceKey: 'mail-test-1' })),
    );
    await waitUntil(async () => received.length > 0, { timeoutMs: 20_000 });
    expect(received[0].to).toBe('rep@example.com');
    expect(received[0].raw).toContain('Subject: Quote Q-2026-0001 approved');
    expect(received[0].raw).toContain('https://quotes.example.com/quotes/abc');
    // Marked as e-mailed in the transaction that commits after the mail went out.
    const emailedAt = await waitUntil(async () => (await orm.em.fork().getConnection().execute('select emailed_at from notifications_notification'))[0]?.emailed_at ?? null, { timeoutMs: 20_000 });
    expect(new Date(emailedAt as string | Date).getTime()).toBeGreaterThan(0);
    // Once everything is handled, still the one e-mail.
    await waitUntilQuiet({ database: database.url, queuePrefix });
    expect(received).toHaveLength(1);
  });
});
