// @qa/quotes-contracts: what other contexts may know about quotes: the statuses, the integration
// events with their payloads, the billing periods of line items, and the snapshot query.
export * from './quote-status';
export * from './quote-events';
export * from './quote-approval-route';
export * from './quote-approval-limits';
export * from './quote-billing-period';
export * from './quote-language';
export * from './quote-snapshot';
export * from './submitted-quote-facts';
