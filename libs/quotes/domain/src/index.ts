// @qa/quotes-domain: the quote aggregate, its life cycle, money and totals. No framework imports.
export * from './quote-totals';
export * from './quote-limits';
export * from './quote';
export * from './quote.errors';
export * from './quote.repository';
