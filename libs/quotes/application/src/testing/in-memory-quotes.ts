// In-memory adapters for the quote use cases' specs: the rules without I/O (the MikroORM
// repository and the list reader have integration tests).
import type { QueryBus } from '@nestjs/cqrs';
import { waitingTimeline, type ApprovalRoutePreview } from '@qa/approvals-contracts';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { EXPIRABLE_STATUSES, Quote, QuoteRepository, type QuoteDetails, type SubmittedQuotesCursor } from '@qa/quotes-domain';
import type { Caller, Role } from '@qa/shared-kernel';
import { ApprovalPolicy, QuotePdfRenderer } from '../ports/quote.ports';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';

export class MemoryQuotes extends QuoteRepository {
  quotes = new Map<string, Quote>();
  /** Every save, in order. */
  saved: Quote[] = [];
  private lastNumber = 0;

  async findById(id: string) {
    return this.quotes.get(id) ?? null;
  }
  async findByShareSlug(slug: string) {
    return [...this.quotes.values()].find((q) => q.shareSlug === slug) ?? null;
  }
  async nextNumber(year: number) {
    this.lastNumber += 1;
    return `Q-${year}-${String(this.lastNumber).padStart(4, '0')}`;
  }
  /** Like the ORM's flush: the version goes up by one with each save. */
  async save(quote: Quote) {
    quote.version = (quote.version ?? 0) + 1;
    this.quotes.set(quote.id, quote);
    this.saved.push(quote);
  }
  async findExpirableBefore(date: string, limit: number) {
    return [...this.quotes.values()].filter((q) => EXPIRABLE_STATUSES.includes(q.status) && q.expiresOn < date).slice(0, limit).map((q) => q.id);
  }
  async listSubmitted(limit: number, after: SubmittedQuotesCursor | null) {
    const key = (q: { submittedAt: Date | null; id: string }) => `${new Date(q.submittedAt ?? 0).toISOString()}|${q.id}`;
    return [...this.quotes.values()]
      .filter((q) => !!q.submittedAt && (!after || key(q) < key(after)))
      .sort((a, b) => (key(a) < key(b) ? 1 : -1))
      .slice(0, limit);
  }
  async countSubmitted(upTo: number | null) {
    const n = [...this.quotes.values()].filter((q) => q.submittedAt).length;
    return upTo === null ? n : Math.min(n, upTo);
  }

  /** Stores a quote as if created earlier (version 1), without recording it as a save. */
  async add(quote: Quote): Promise<Quote> {
    quote.version = quote.version ?? 1;
    quote.pullEvents();
    this.quotes.set(quote.id, quote);
    return quote;
  }
}

/**
 * Answers FindCrmRecordsQuery from fixed records, as the CRM would: the records of the asked ids,
 * less those in `hiddenFromReps` when a rep asks.
 */
export class CrmRecordsStub {
  asked: FindCrmRecordsQuery[] = [];

  constructor(
    private readonly records: CrmRecords,
    private readonly hiddenFromReps: ReadonlySet<string> = new Set(),
  ) {}

  get bus(): QueryBus {
    return this as unknown as QueryBus;
  }

  async execute(query: unknown): Promise<CrmRecords> {
    if (!(query instanceof FindCrmRecordsQuery)) throw new Error(`unexpected query ${String(query)}`);
    this.asked.push(query);
    const visible = (id: string) => query.viewer?.role !== 'rep' || !this.hiddenFromReps.has(id);
    const pick = <T extends { id: string }>(all: T[], ids: string[] = []) => all.filter((r) => ids.includes(r.id) && visible(r.id));
    return { companies: pick(this.records.companies, query.ids.companyIds), contacts: pick(this.records.contacts, query.ids.contactIds), deals: pick(this.records.deals, query.ids.dealIds) };
  }
}

/** Approval needed from `approverIds` (none: not needed); remembers the rounds it was asked to close. */
export class FixedApprovalPolicy extends ApprovalPolicy {
  closed: string[] = [];
  constructor(private readonly approverIds: string[] | null) {
    super();
  }
  async routeFor(_quote: Quote, submittedBy: string): Promise<QuoteApprovalRoute | null> {
    return this.approverIds ? approvalRoute(this.approverIds, submittedBy) : null;
  }
  /** What the preview was asked about: the quote and who would submit. */
  previewed: Array<{ quote: Quote; submittedBy: string }> = [];
  async previewFor(quote: Quote, submittedBy: string): Promise<ApprovalRoutePreview> {
    this.previewed.push({ quote, submittedBy });
    const route = await this.routeFor(quote, submittedBy);
    return { required: !!route, complete: true, approverIds: this.approverIds ?? [], route: route ? waitingTimeline(route) : null, people: [] };
  }
  async closeOpenRound(quoteId: string): Promise<void> {
    this.closed.push(quoteId);
  }
}

/** A route of one step: any one of these approvers, as approvals resolves "approval on all quotes". */
export function approvalRoute(approverIds: string[], submittedBy = 'rep-1'): QuoteApprovalRoute {
  return {
    policyVersion: 1,
    steps: [{ groups: [{ approverIds, mode: 'any', refs: approverIds.map((userId) => ({ kind: 'user' as const, userId })), ruleIds: [], notes: [] }] }],
    rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }],
    submittedBy,
  };
}

/** A "PDF" that says what it was asked to render. */
export class TextPdfRenderer extends QuotePdfRenderer {
  async render(quote: Quote, names: { recipients: string[] }): Promise<Buffer> {
    return Buffer.from(`${quote.number}: ${quote.title} for ${names.recipients.join(', ')}`);
  }
}

export const crm: CrmRecords = {
  companies: [{ id: 'company-1', name: 'Acme BV', country: null, ownerId: null }],
  contacts: [{ id: 'contact-1', name: 'Anna de Vries', email: 'anna@acme.example', companyId: 'company-1' }],
  deals: [{ id: 'deal-1', name: 'Acme website', stage: 'contract_sent', ownerId: 'rep-1', companyId: 'company-1', amountMinor: 2_400_000, currency: 'EUR' }],
};

export const caller = (role: Role = 'rep', userId = `${role}-1`): Caller => ({ userId, email: `${userId}@example.com`, name: userId, role, via: 'session' });

export const quoteDetails = (overrides: Partial<QuoteDetails> = {}): QuoteDetails => ({
  title: 'Website redesign',
  dealId: 'deal-1',
  companyId: null,
  recipientContactIds: ['contact-1'],
  currency: 'EUR',
  expiresOn: '2099-12-31',
  quoteDiscount: null,
  commentsForBuyer: '',
  purchaseTerms: '',
  lineItems: [{ id: 'l1', productName: 'Design', description: '', quantity: 2, unitPriceMinor: 150_000, discount: null, billingPeriod: 'one_time' }],
  ...overrides,
});

/** A quote of `rep-1` in Draft, stored at version 1. */
export const draftQuote = (overrides: Partial<QuoteDetails> = {}): Quote => Quote.create({ number: 'Q-2026-0001', ownerId: 'rep-1', details: { ...quoteDetails({ companyId: 'company-1', ...overrides }), companyName: 'Acme BV' }, now: new Date('2026-11-26T12:00:00Z') });

/** A quote of `rep-1` live on its link (submitted, approval not needed). */
export const liveQuote = (overrides: Partial<QuoteDetails> = {}): Quote => {
  const quote = draftQuote(overrides);
  quote.submit(null, { by: 'rep-1', now: new Date('2026-11-26T12:00:00Z') });
  return quote;
};
