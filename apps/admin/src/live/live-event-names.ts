// The integration events the SPA listens for on every live connection (see live-events.store.ts).
//
// Server-sent events arrive under their own event name (`event: quotes.quote.submitted.v1`), and an
// EventSource only hands a named event to a listener registered for exactly that name: there is no
// wildcard. So prefix subscriptions (`on('quotes.', …)`) can only see names listed here (or names
// some other part of the app subscribed to exactly). Add a name here when a context starts
// publishing an event the SPA should react to; exact-name subscriptions register themselves.
export const LIVE_EVENT_NAMES: readonly string[] = [
  'quotes.quote.created.v1',
  'quotes.quote.updated.v1',
  'quotes.quote.submitted.v1',
  'quotes.quote.published.v1',
  'quotes.quote.recalled.v1',
  'quotes.quote.withdrawn.v1',
  'quotes.quote.signed.v1',
  'quotes.quote.expired.v1',
  'quotes.quote.approved.v1',
  'quotes.quote.changes-requested.v1',
  'tasks.task.created.v1',
  'tasks.task.completed.v1',
  'notifications.notification.created.v1',
];
