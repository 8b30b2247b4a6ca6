// @qa/quotes-api: HTTP controllers and DTOs of quotes; the quotes Nest modules.
export * from './quotes.module';
export * from './quote.dtos';
export * from './bullmq-quote-expiry.scheduler';
