import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { QuoteRepository } from '@qa/quotes-domain';
import { readable } from '../../shared/quote-access';
import { toQuoteView, type QuoteView } from '../../shared/quote-view';
import { GetQuoteQuery } from './get-quote.query';

@QueryHandler(GetQuoteQuery)
export class GetQuoteHandler implements IQueryHandler<GetQuoteQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, quoteId }: GetQuoteQuery): Promise<QuoteView> {
    const view = toQuoteView(readable(caller, await this.quotes.findById(quoteId), quoteId));
    // The deal's name and the recipients, asked of the CRM through its contract.
    const { deals, contacts } = await this.queries.execute(new FindCrmRecordsQuery({ dealIds: view.dealId ? [view.dealId] : [], contactIds: view.recipientContactIds }));
    return {
      ...view,
      dealName: deals[0]?.name ?? null,
      recipients: view.recipientContactIds.flatMap((id) => contacts.filter((c) => c.id === id).map(({ name, email }) => ({ id, name, email }))),
    };
  }
}
