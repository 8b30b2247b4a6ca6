import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { IntegrationEventName } from '@qa/shared-kernel';
import { INTEGRATION_EVENTS_HANDLER, type HandlerSubscription, type IntegrationEventHandler } from './integration-event-handler';

/** Which context subscribes to which event, and with which handlers; found at start-up. */
@Injectable()
export class SubscriptionRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Map<IntegrationEventName, IntegrationEventHandler[]>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const subscription = this.reflector.get<HandlerSubscription | undefined>(INTEGRATION_EVENTS_HANDLER, wrapper.metatype);
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
