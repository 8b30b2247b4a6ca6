import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindCrmRecordsQuery, type CrmViewer } from '@qa/crm-contracts';
import { QuoteErrors, type QuoteDetails } from '@qa/quotes-domain';
import { invalidField, isCurrency } from '@qa/shared-kernel';

/**
 * Checks a quote's references against the CRM (through its contract) and fills the company name.
 * Only records the caller may see can be attached: another rep's deal, company or contact answers
 * exactly as one that does not exist (422 QUOTES.UNKNOWN_REFERENCE naming the field).
 */
@Injectable()
export class QuoteDetailsResolver {
  constructor(private readonly queries: QueryBus) {}

  async resolve(details: QuoteDetails, viewer: CrmViewer): Promise<QuoteDetails> {
    if (!isCurrency(details.currency)) throw invalidField('currency', `${details.currency} is not an ISO 4217 currency code`);
    const records = await this.queries.execute(
      new FindCrmRecordsQuery(
        {
          dealIds: details.dealId ? [details.dealId] : [],
          companyIds: details.companyId ? [details.companyId] : [],
          contactIds: details.recipientContactIds,
        },
        { userId: viewer.userId, role: viewer.role },
      ),
    );
    if (details.dealId && !records.deals.some((d) => d.id === details.dealId)) throw QuoteErrors.unknownReference('dealId', 'deal', [details.dealId]);
    if (details.companyId && !records.companies.some((c) => c.id === details.companyId)) throw QuoteErrors.unknownReference('companyId', 'company', [details.companyId]);
    const missing = details.recipientContactIds.filter((id) => !records.contacts.some((c) => c.id === id));
    if (missing.length) throw QuoteErrors.unknownReference('recipientContactIds', 'contact', missing);
    // Without an explicit company, the deal's company is the quote's (a rep sees the companies of their deals).
    const companyId = details.companyId ?? records.deals[0]?.companyId ?? null;
    let companyName = records.companies.find((c) => c.id === companyId)?.name ?? null;
    if (companyId && !companyName) {
      const { companies } = await this.queries.execute(new FindCrmRecordsQuery({ companyIds: [companyId] }));
      companyName = companies[0]?.name ?? null;
    }
    return { ...details, companyId, companyName };
  }
}
