import { LockMode, MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { databaseOptions, migrateDatabase } from '@qa/platform-database';
import { MessagingModule, type MessagingOptions } from '@qa/shared-messaging';
import { TEST_LEDGER_DDL, TestAccount, testLedgerEntities, testLedgerHandlers, type AccountCreditedPayload } from './test-ledger';

export interface MessagingTestOptions extends Partial<MessagingOptions> {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  relay: boolean;
  processors: boolean;
}

@Module({})
class MessagingTestModule {
  static forRoot(options: MessagingTestOptions): DynamicModule {
    return {
      module: MessagingTestModule,
      imports: [
        MikroOrmModule.forRoot({
          ...databaseOptions({ kind: 'postgresql', url: options.databaseUrl }, { entities: testLedgerEntities, poolMax: 20 }),
          registerRequestContext: false,
        }),
        MessagingModule.forRoot(options),
      ],
      providers: testLedgerHandlers,
    };
  }
}

/** Migrates the database and adds the test ledger's tables. */
export async function prepareMessagingTestDatabase(databaseUrl: string): Promise<void> {
  await migrateDatabase({ kind: 'postgresql', url: databaseUrl });
  const orm = await MikroORM.init({ ...databaseOptions({ kind: 'postgresql', url: databaseUrl }, { entities: testLedgerEntities, poolMax: 1 }) });
  try {
    for (const ddl of TEST_LEDGER_DDL) await orm.em.getConnection().execute(ddl);
  } finally {
    await orm.close(true);
  }
}

/** A Nest application context with the event backbone and the test ledger's subscribers. */
export async function startMessagingTestApp(options: MessagingTestOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(MessagingTestModule.forRoot(options), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

/**
 * The command side: credits accounts from `concurrency` parallel transactions, each recording one
 * event in the outbox with the account change. Returns the accounts' ids.
 */
export async function creditAccounts(
  orm: MikroORM,
  options: { accounts: number; creditsPerAccount: number; concurrency: number; behaviour?: (index: number) => Omit<AccountCreditedPayload, 'amount'> },
): Promise<string[]> {
  const ids: string[] = [];
  const fork = orm.em.fork();
  for (let i = 0; i < options.accounts; i++) {
    const account = TestAccount.open();
    ids.push(account.id);
    fork.persist(account);
  }
  await fork.flush();
  const work = Array.from({ length: options.accounts * options.creditsPerAccount }, (_, i) => ({ accountId: ids[i % options.accounts], index: i }));
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < work.length) {
        const { accountId, index } = work[next++];
        await orm.em.fork().transactional(async (em) => {
          const account = await em.findOneOrFail(TestAccount, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          account.credit(1, options.behaviour?.(index) ?? {});
        });
      }
    }),
  );
  return ids;
}

export interface DeliveryCounts {
  events: number;
  effects: Record<string, { rows: number; distinctEvents: number }>;
  undelivered: number;
  /** (aggregate, subscriber) pairs whose effects were not made in version order. */
  outOfOrder: number;
}

export async function deliveryCounts(orm: MikroORM): Promise<DeliveryCounts> {
  const connection = orm.em.fork().getConnection();
  const [{ events, undelivered }] = await connection.execute(
    `select count(*)::int as events, count(*) filter (where delivered_at is null)::int as undelivered from messaging_outbox where name = 'ledger.account.credited.v1'`,
  );
  const rows: Array<{ subscriber: string; rows: number; distinct_events: number }> = await connection.execute(
    'select subscriber, count(*)::int as rows, count(distinct event_id)::int as distinct_events from test_effect group by subscriber',
  );
  const [{ out_of_order }] = await connection.execute(
    `select count(*)::int as out_of_order from (
       select aggregate_version < lag(aggregate_version) over (partition by aggregate_id, subscriber order by seq) as backwards from test_effect
     ) t where backwards`,
  );
  return {
    events,
    undelivered,
    outOfOrder: out_of_order,
    effects: Object.fromEntries(rows.map((r) => [r.subscriber, { rows: r.rows, distinctEvents: r.distinct_events }])),
  };
}
