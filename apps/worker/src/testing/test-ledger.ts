/**
 * A tiny context that exists only for the event-backbone tests: accounts that get credited (the
 * aggregate and its event) and two subscribing contexts that record one effect row per delivery.
 * Effects have no unique constraint on purpose: a doubled delivery would show as two rows.
 */
import { EntityManager, EntitySchema } from '@mikro-orm/core';
import { AggregateRoot, integrationEvent, IntegrationEventsHandler, uuidv7, type DeliveryInfo, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';

export interface AccountCreditedPayload extends Record<string, unknown> {
  amount: number;
  /** Test behaviour: the alpha handler throws on this many first attempts. */
  failTimes?: number;
  /** Test behaviour: the alpha handler always throws. */
  poison?: boolean;
}

export const AccountCredited = integrationEvent<AccountCreditedPayload>('ledger.account.credited.v1');

export class TestAccount extends AggregateRoot {
  id!: string;
  version: number | undefined;
  balance = 0;
  protected get aggregateType() {
    return 'account';
  }

  static open(): TestAccount {
    const account = new TestAccount();
    account.id = uuidv7();
    account.balance = 0;
    return account;
  }

  credit(amount: number, behaviour: Omit<AccountCreditedPayload, 'amount'> = {}): void {
    this.balance += amount;
    this.record(AccountCredited, { amount, ...behaviour });
  }
}

export class TestEffect {
  id!: string;
  eventId!: string;
  subscriber!: string;
  aggregateId!: string;
  aggregateVersion!: number;
  attempt!: number;
}

export const TestAccountSchema = new EntitySchema<TestAccount>({
  class: TestAccount,
  tableName: 'test_account',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    balance: { type: 'integer' },
  },
});

export const TestEffectSchema = new EntitySchema<TestEffect>({
  class: TestEffect,
  tableName: 'test_effect',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    eventId: { type: 'string', length: 36 },
    subscriber: { type: 'string', length: 50 },
    aggregateId: { type: 'string', length: 36 },
    aggregateVersion: { type: 'integer' },
    attempt: { type: 'integer' },
  },
});

export const testLedgerEntities = [TestAccountSchema, TestEffectSchema];

/** PostgreSQL DDL of the test tables; `seq` (filled by the database) records the order of handling. */
export const TEST_LEDGER_DDL = [
  'create table if not exists test_account (id varchar(36) primary key, version int not null default 1, balance int not null)',
  `create table if not exists test_effect (id varchar(36) primary key, event_id varchar(36) not null, subscriber varchar(50) not null,
     aggregate_id varchar(36) not null, aggregate_version int not null, attempt int not null, seq bigserial not null)`,
];

/** The global EntityManager resolves to the delivery's transaction (RequestContext + transactional). */
async function recordEffect(em: EntityManager, subscriber: string, event: IntegrationEvent<AccountCreditedPayload>, delivery: DeliveryInfo) {
  const effect = new TestEffect();
  Object.assign(effect, {
    id: uuidv7(),
    eventId: event.id,
    subscriber,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    attempt: delivery.attempt,
  });
  em.persist(effect);
  await em.flush();
}

@IntegrationEventsHandler('ledger-alpha', AccountCredited)
export class RecordAlphaEffectWhenAccountCreditedHandler implements IntegrationEventHandler<AccountCreditedPayload> {
  constructor(private readonly em: EntityManager) {}

  async handle(event: IntegrationEvent<AccountCreditedPayload>, delivery: DeliveryInfo): Promise<void> {
    if (event.payload.poison) throw new Error(`poison event ${event.id}`);
    if (event.payload.failTimes && delivery.attempt <= event.payload.failTimes) throw new Error(`flaky failure on attempt ${delivery.attempt}`);
    await recordEffect(this.em, 'ledger-alpha', event, delivery);
  }
}

@IntegrationEventsHandler('ledger-beta', AccountCredited)
export class RecordBetaEffectWhenAccountCreditedHandler implements IntegrationEventHandler<AccountCreditedPayload> {
  constructor(private readonly em: EntityManager) {}

  async handle(event: IntegrationEvent<AccountCreditedPayload>, delivery: DeliveryInfo): Promise<void> {
    await recordEffect(this.em, 'ledger-beta', event, delivery);
  }
}

export const testLedgerHandlers = [RecordAlphaEffectWhenAccountCreditedHandler, RecordBetaEffectWhenAccountCreditedHandler];
