import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { integrationEventSubscription, type HandlerSubscription, type IntegrationEventHandler, type IntegrationEventName } from '@qa/shared-kernel';

/** Which context subscribes to which event, and with which handlers; found at start-up. */
@Injectable()
export class SubscriptionRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Map<IntegrationEventName, IntegrationEventHandler[]>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const subscription = integrationEventSubscription(wrapper.metatype);
      if (subscription) this.add(subscription, wrapper.instance as IntegrationEventHandler);
    }
  }

  add({ subscriber, events }: HandlerSubscription, handler: IntegrationEventHandler): void {
    const byEvent = this.handlers.get(subscriber) ?? new Map<IntegrationEventName, IntegrationEventHandler[]>();
    for (const event of events) byEvent.set(event, [...(byEvent.get(event) ?? []), handler]);
    this.handlers.set(subscriber, byEvent);
  }

  subscribers(): string[] {
    return [...this.handlers.keys()].sort();
  }

  subscribersOf(event: string): string[] {
    return this.subscribers().filter((s) => this.handlers.get(s)!.has(event as IntegrationEventName));
  }

  eventsOf(subscriber: string): IntegrationEventName[] {
    return [...(this.handlers.get(subscriber)?.keys() ?? [])];
  }

  handlersFor(subscriber: string, event: string): IntegrationEventHandler[] {
    return this.handlers.get(subscriber)?.get(event as IntegrationEventName) ?? [];
  }
}
