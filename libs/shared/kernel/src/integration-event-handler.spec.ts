import { describe, expect, it } from 'vitest';
import { integrationEvent } from './integration-event';
import { IntegrationEventsHandler, integrationEventSubscription } from './integration-event-handler';

const Credited = integrationEvent<{ amount: number }>('test.account.credited.v1');
const Debited = integrationEvent<{ amount: number }>('test.account.debited.v1');

describe('IntegrationEventsHandler', () => {
  it('records which context subscribes to which events on the class', () => {
    @IntegrationEventsHandler('ledger', Credited, Debited)
    class RecordWhenMovedHandler {}
    expect(integrationEventSubscription(RecordWhenMovedHandler)).toEqual({ subscriber: 'ledger', events: ['test.account.credited.v1', 'test.account.debited.v1'] });
  });

  it('is not inherited by a subclass and is absent on unmarked classes', () => {
    @IntegrationEventsHandler('ledger', Credited)
    class Base {}
    class Derived extends Base {}
    expect(integrationEventSubscription(Derived)).toBeUndefined();
    expect(integrationEventSubscription(class Plain {})).toBeUndefined();
    expect(integrationEventSubscription({})).toBeUndefined();
  });

  it('refuses a subscriber name that is not kebab case', () => {
    expect(() => IntegrationEventsHandler('Ledger', Credited)).toThrow('Subscriber "Ledger" must be kebab case');
  });
});
