import { describe, expect, it } from 'vitest';
import { caller, draftQuote, FixedApprovalPolicy, MemoryQuotes } from '../../testing/in-memory-quotes';
import { SubmitQuoteCommand } from './submit-quote.command';
import { SubmitQuoteHandler } from './submit-quote.handler';

describe('SubmitQuoteHandler', () => {
  it('sends the quote to Pending approval with the route fixed now', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    await new SubmitQuoteHandler(quotes, new FixedApprovalPolicy(['manager-1'])).execute(new SubmitQuoteCommand(caller('rep'), quote.id, 1));
    expect([quote.status, quote.approvalRoute?.steps[0]?.groups[0]?.approverIds, quote.approvalRoute?.submittedBy, quote.version]).toEqual(['pending_approval', ['manager-1'], 'rep-1', 2]);
  });

  it('puts the quote live at once when approval is not needed', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    await new SubmitQuoteHandler(quotes, new FixedApprovalPolicy(null)).execute(new SubmitQuoteCommand(caller('admin'), quote.id, 1));
    expect([quote.status, quote.shareSlug?.length, quote.history.at(-1)?.by]).toEqual(['approval_not_needed', 32, 'admin-1']);
  });

  it('refuses a route without an approver and a stale version, saving nothing', async () => {
    const quotes = new MemoryQuotes();
    const quote = await quotes.add(draftQuote());
    await expect(new SubmitQuoteHandler(quotes, new FixedApprovalPolicy([])).execute(new SubmitQuoteCommand(caller('rep'), quote.id, 1))).rejects.toMatchObject({ code: 'QUOTES.NO_APPROVER' });
    await expect(new SubmitQuoteHandler(quotes, new FixedApprovalPolicy(null)).execute(new SubmitQuoteCommand(caller('rep'), quote.id, 0))).rejects.toMatchObject({ code: 'QUOTES.STALE_VERSION' });
    expect([quote.status, quotes.saved]).toEqual(['draft', []]);
  });
});
