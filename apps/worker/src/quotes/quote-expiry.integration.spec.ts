import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { migrateDatabase } from '@qa/platform-database';
import { BullMqQuoteExpiryScheduler } from '@qa/quotes-api';
import { Quote, QuoteRepository } from '@qa/quotes-domain';
import { loadConfig } from '@qa/shared-config';
import { createTestDatabase, removeQueueKeys, TEST_REDIS_URL, waitUntil, type TestDatabase } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerModule } from '../worker.module';

/** The worker as it runs in production: quote events → the quotes subscriber → a delayed expiry job. */
describe('quote expiry by a delayed job', () => {
  let database: TestDatabase;
  let worker: INestApplicationContext;
  const queuePrefix = `qa-expiry-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase('qa_expiry');
    const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'silent' });
    await migrateDatabase(config.database);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await removeQueueKeys(queuePrefix);
    await database?.drop();
  });

  const save = (quote: Quote) => RequestContext.create(worker.get(MikroORM).em.fork(), () => worker.get(QuoteRepository).save(quote));
  const statusOf = async (id: string) =>
    (await worker.get(MikroORM).em.fork().getConnection().execute('select status from quotes_quote where id = ?', [id]))[0]?.status as string;
  const details = (expiresOn: string) => ({
    title: 'Expiring',
    dealId: null,
    companyId: null,
    recipientContactIds: [],
    currency: 'EUR',
    expiresOn,
    quoteDiscount: null,
    commentsForBuyer: '',
    purchaseTerms: '',
    lineItems: [],
  });

  it('expires a quote whose expiry date has passed, and leaves a current one alone', async () => {
    const past = Quote.create({ number: 'Q-2026-9001', ownerId: 'rep-1', details: details('2020-01-01') });
    const current = Quote.create({ number: 'Q-2026-9002', ownerId: 'rep-1', details: details('2099-12-31') });
    await save(past);
    await save(current);
    await waitUntil(async () => (await statusOf(past.id)) === 'expired', { timeoutMs: 20_000, describe: async () => `status ${await statusOf(past.id)}` });
    expect(await statusOf(current.id)).toBe('draft');
    const history = (await worker.get(MikroORM).em.fork().getConnection().execute('select history from quotes_quote where id = ?', [past.id]))[0].history;
    expect(history.at(-1)).toMatchObject({ status: 'expired', previousStatus: 'draft', by: null });
    const events = await worker.get(MikroORM).em.fork().getConnection().execute('select name from messaging_outbox where aggregate_id = ? order by aggregate_version', [past.id]);
    expect(events.map((e: { name: string }) => e.name)).toEqual(['quotes.quote.created.v1', 'quotes.quote.expired.v1']);
  });

  it('expires, from the database, a quote past its date whose expiry job is missing', async () => {
    const quote = Quote.create({ number: 'Q-2026-9003', ownerId: 'rep-1', details: details('2099-12-31') });
    await save(quote);
    const connection = worker.get(MikroORM).em.fork().getConnection();
    const handled = async () => (await connection.execute("select count(*)::int as n from messaging_inbox i join messaging_outbox o on o.id = i.event_id where i.subscriber = 'quotes' and o.aggregate_id = ?", [quote.id]))[0].n;
    await waitUntil(async () => (await handled()) === 1, { timeoutMs: 20_000 });
    // Its only job is for 2099: as if the job for an earlier date had been lost with Redis.
    await connection.execute("update quotes_quote set expires_on = '2020-01-02' where id = ?", [quote.id]);
    // The sweep (run here; each worker also runs it at start-up and every 15 minutes) expires it:
    // the only job there is would do so in 2099.
    await worker.get(BullMqQuoteExpiryScheduler).expireOverdue();
    expect(await statusOf(quote.id)).toBe('expired');
    expect(await worker.get(BullMqQuoteExpiryScheduler).expireOverdue()).toBe(0);
  });
});
