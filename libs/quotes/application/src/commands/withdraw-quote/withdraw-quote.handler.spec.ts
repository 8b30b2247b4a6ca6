import { describe, expect, it } from 'vitest';
import { approvalRoute, caller, draftQuote, FixedApprovalPolicy, MemoryQuotes } from '../../testing/in-memory-quotes';
import { WithdrawQuoteCommand } from './withdraw-quote.command';
import { WithdrawQuoteHandler } from './withdraw-quote.handler';

async function pending(quotes: MemoryQuotes) {
  const quote = draftQuote();
  quote.submit(approvalRoute(['manager-1']), { by: 'rep-1' });
  return quotes.add(quote);
}

describe('WithdrawQuoteHandler', () => {
  it('takes the quote back to Draft and closes its open round at once', async () => {
    const quotes = new MemoryQuotes();
    const approvals = new FixedApprovalPolicy(['manager-1']);
    const quote = await pending(quotes);
    await new WithdrawQuoteHandler(quotes, approvals).execute(new WithdrawQuoteCommand(caller('admin'), quote.id, 1));
    expect([quote.status, quote.approvalRoute, approvals.closed, quote.pullEvents().map((e) => e.name)]).toEqual(['draft', null, [quote.id], ['quotes.quote.withdrawn.v1']]);
  });

  it('still withdraws when closing the round fails (the withdrawn event closes it)', async () => {
    const quotes = new MemoryQuotes();
    const approvals = new FixedApprovalPolicy(['manager-1']);
    approvals.closeOpenRound = async () => {
      throw new Error('approvals is down');
    };
    const quote = await pending(quotes);
    await new WithdrawQuoteHandler(quotes, approvals).execute(new WithdrawQuoteCommand(caller('rep'), quote.id, 1));
    expect([quote.status, quotes.saved]).toEqual(['draft', [quote]]);
  });

  it('refuses a manager (not theirs) and a Draft, closing nothing', async () => {
    const quotes = new MemoryQuotes();
    const approvals = new FixedApprovalPolicy(['manager-1']);
    const quote = await pending(quotes);
    const draft = await quotes.add(draftQuote());
    const handler = new WithdrawQuoteHandler(quotes, approvals);
    await expect(handler.execute(new WithdrawQuoteCommand(caller('manager'), quote.id, 1))).rejects.toMatchObject({ code: 'QUOTES.NOT_OWNER' });
    await expect(handler.execute(new WithdrawQuoteCommand(caller('rep'), draft.id, 1))).rejects.toMatchObject({ code: 'QUOTES.INVALID_TRANSITION' });
    expect([quote.status, approvals.closed, quotes.saved]).toEqual(['pending_approval', [], []]);
  });
});
