import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventDeliveryWorkers } from './event-delivery.workers';
import { DEFAULT_MESSAGING_OPTIONS, MessagingSettings, type MessagingOptions } from './messaging-options';
import { OutboxRelay } from './outbox-relay';
import { SubscriptionRegistry } from './subscription-registry';

/**
 * The event backbone. The API imports it with `relay: false, processors: false` (it only writes
 * outbox rows, through the flush subscriber in the ORM options); the worker runs the relay and the
 * subscribers' queue workers.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: Partial<MessagingOptions> & Pick<MessagingOptions, 'redisUrl' | 'relay' | 'processors'>): DynamicModule {
    const settings: MessagingOptions = { ...DEFAULT_MESSAGING_OPTIONS, ...options };
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MessagingSettings, useValue: settings }, SubscriptionRegistry, OutboxRelay, EventDeliveryWorkers],
      exports: [MessagingSettings, SubscriptionRegistry, OutboxRelay, EventDeliveryWorkers],
    };
  }
}
