// The reaction contract lives in the kernel (framework-free, used by application layers);
// the messaging infrastructure only finds and runs the handlers.
export { IntegrationEventsHandler, integrationEventSubscription, type DeliveryInfo, type HandlerSubscription, type IntegrationEventHandler } from '@qa/shared-kernel';
