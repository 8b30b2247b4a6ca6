// @qa/quotes-infrastructure: MikroORM mapping, repository and the list reader of quotes.
export * from './quote.schema';
export * from './quote.repository';
export * from './quote-list.reader';
export * from './pdfkit-quote-renderer';
export * from './approvals-contract.policy';
