import { CreateQuoteHandler } from './commands/create-quote/create-quote.handler';
import { EditQuoteHandler } from './commands/edit-quote/edit-quote.handler';
import { ExpireQuoteHandler } from './commands/expire-quote/expire-quote.handler';
import { RecallQuoteHandler } from './commands/recall-quote/recall-quote.handler';
import { SignQuoteHandler } from './commands/sign-quote/sign-quote.handler';
import { SubmitQuoteHandler } from './commands/submit-quote/submit-quote.handler';
import { WithdrawQuoteHandler } from './commands/withdraw-quote/withdraw-quote.handler';
import { GetQuoteSnapshotHandler } from './queries/get-quote-snapshot/get-quote-snapshot.handler';
import { CountSubmittedQuotesHandler, ListSubmittedQuoteFactsHandler } from './queries/list-submitted-quote-facts/list-submitted-quote-facts.handler';
import { GetQuoteHandler } from './queries/get-quote/get-quote.handler';
import { GetSharedQuoteHandler } from './queries/get-shared-quote/get-shared-quote.handler';
import { PreviewQuoteRouteHandler } from './queries/preview-quote-route/preview-quote-route.handler';
import { ListQuotesHandler } from './queries/list-quotes/list-quotes.handler';
import { RenderQuotePdfHandler } from './queries/render-quote-pdf/render-quote-pdf.handler';
import { RenderSharedQuotePdfHandler } from './queries/render-shared-quote-pdf/render-shared-quote-pdf.handler';
import { ApplyApprovalDecisionToQuoteHandler } from './reactions/apply-approval-decision/apply-approval-decision.handler';
import { ScheduleExpiryWhenQuoteChangedHandler } from './reactions/schedule-quote-expiry/schedule-quote-expiry.handler';
import { QuoteDetailsResolver } from './shared/quote-details.resolver';

/** The quote use cases (command and query handlers) and what they share: providers of every quotes module. */
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
  // The approval policy's dry run reads submitted quotes in pages.
  ListSubmittedQuoteFactsHandler,
  CountSubmittedQuotesHandler,
  ListQuotesHandler,
  PreviewQuoteRouteHandler,
  GetSharedQuoteHandler,
  RenderSharedQuotePdfHandler,
  RenderQuotePdfHandler,
];

/** The quotes context's reactions to integration events: providers of the worker-side module only. */
export const quotesReactions = [ApplyApprovalDecisionToQuoteHandler, ScheduleExpiryWhenQuoteChangedHandler];
