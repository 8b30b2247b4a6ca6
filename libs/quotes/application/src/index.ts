// @qa/quotes-application: the quote use cases, one folder each.
import { CreateQuoteHandler } from './commands/create-quote/create-quote.handler';
import { EditQuoteHandler } from './commands/edit-quote/edit-quote.handler';
import { ExpireQuoteHandler } from './commands/expire-quote/expire-quote.handler';
import { RecallQuoteHandler } from './commands/recall-quote/recall-quote.handler';
import { SignQuoteHandler } from './commands/sign-quote/sign-quote.handler';
import { SubmitQuoteHandler } from './commands/submit-quote/submit-quote.handler';
import { WithdrawQuoteHandler } from './commands/withdraw-quote/withdraw-quote.handler';
import { GetQuoteHandler } from './queries/get-quote/get-quote.handler';
import { GetQuoteSnapshotHandler } from './queries/get-quote/get-quote-snapshot.handler';
import { GetSharedQuoteHandler, RenderQuotePdfHandler, RenderSharedQuotePdfHandler } from './queries/get-shared-quote/get-shared-quote.handler';
import { ListQuotesHandler } from './queries/list-quotes/list-quotes.handler';
import { QuoteDetailsResolver } from './quote-details.resolver';

export * from './ports/quote.ports';
export * from './ports/quote-list.reader';
export * from './quote-access';
export * from './quote-view';
export * from './commands/create-quote/create-quote.command';
export * from './commands/edit-quote/edit-quote.command';
export * from './commands/submit-quote/submit-quote.command';
export * from './commands/recall-quote/recall-quote.command';
export * from './commands/withdraw-quote/withdraw-quote.command';
export * from './commands/sign-quote/sign-quote.command';
export * from './commands/expire-quote/expire-quote.command';
export * from './queries/get-quote/get-quote.query';
export * from './queries/list-quotes/list-quotes.query';
export * from './queries/get-shared-quote/get-shared-quote.query';

export const quotesHandlers = [
  QuoteDetailsResolver,
  CreateQuoteHandler,
  EditQuoteHandler,
  SubmitQuoteHandler,
  RecallQuoteHandler,
  WithdrawQuoteHandler,
  SignQuoteHandler,
  ExpireQuoteHandler,
  GetQuoteHandler,
  GetQuoteSnapshotHandler,
  ListQuotesHandler,
  GetSharedQuoteHandler,
  RenderSharedQuotePdfHandler,
  RenderQuotePdfHandler,
];
