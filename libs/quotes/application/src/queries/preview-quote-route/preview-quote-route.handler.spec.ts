import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { caller, crm, CrmRecordsStub, draftQuote, FixedApprovalPolicy, MemoryQuotes, quoteDetails } from '../../testing/in-memory-quotes';
import { PreviewQuoteRouteHandler } from './preview-quote-route.handler';
import { PreviewQuoteRouteQuery } from './preview-quote-route.query';

describe('PreviewQuoteRouteHandler (the route while typing)', () => {
  let quotes: MemoryQuotes;
  let approvals: FixedApprovalPolicy;
  let handler: PreviewQuoteRouteHandler;

  beforeEach(() => {
    quotes = new MemoryQuotes();
    approvals = new FixedApprovalPolicy(['manager-1']);
    // Managers and admins see deal-1; reps do not.
    handler = new PreviewQuoteRouteHandler(quotes, new QuoteDetailsResolver(new CrmRecordsStub(crm, new Set(['deal-1'])).bus), approvals, new ManualClock('2026-12-03T09:00:00Z'));
  });

  it('routes an unsaved new quote of the caller, with its totals, saving nothing', async () => {
    const preview = await handler.execute(new PreviewQuoteRouteQuery(caller('manager'), quoteDetails({ paymentTermsDays: 60 }), null));
    expect([preview.required, preview.approverIds, preview.route?.steps.map((s) => s.state)]).toEqual([true, ['manager-1'], ['waiting']]);
    expect(approvals.previewed.map(({ quote, submittedBy }) => [quote.ownerId, quote.paymentTermsDays, quote.totalMinor, quote.companyId, submittedBy])).toEqual([['manager-1', 60, 300_000, 'company-1', 'manager-1']]);
    expect(quotes.saved).toEqual([]);
  });

  it('routes unsaved edits of an existing quote as its owner’s, previewed by an admin who would submit it', async () => {
    const existing = await quotes.add(draftQuote());
    await handler.execute(new PreviewQuoteRouteQuery(caller('admin'), quoteDetails({ dealId: null }), existing.id));
    expect(approvals.previewed.map((p) => [p.quote.ownerId, p.submittedBy])).toEqual([['rep-1', 'admin-1']]);
  });

  it('refuses what a save would refuse: another rep’s quote (404), a deal the caller may not see (422)', async () => {
    const existing = await quotes.add(draftQuote());
    await expect(handler.execute(new PreviewQuoteRouteQuery(caller('rep', 'rep-2'), quoteDetails({ dealId: null }), existing.id))).rejects.toMatchObject({ code: 'QUOTES.NOT_FOUND' });
    await expect(handler.execute(new PreviewQuoteRouteQuery(caller('rep', 'rep-2'), quoteDetails(), null))).rejects.toMatchObject({ code: 'QUOTES.UNKNOWN_REFERENCE' });
    expect(approvals.previewed).toEqual([]);
  });
});
