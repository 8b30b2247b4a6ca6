import { describe, expect, it } from 'vitest';
import { QuoteListReader, type QuoteListPage, type QuoteListRequest } from '../../ports/quote-list.reader';
import { caller } from '../../testing/in-memory-quotes';
import { ListQuotesQuery } from './list-quotes.query';
import { ListQuotesHandler } from './list-quotes.handler';

class RecordingReader extends QuoteListReader {
  requests: QuoteListRequest[] = [];
  async list(request: QuoteListRequest): Promise<QuoteListPage> {
    this.requests.push(request);
    return { items: [], nextCursor: null, countsByStatus: { draft: 0 }, countsComplete: true };
  }
}

describe('ListQuotesHandler', () => {
  const request: QuoteListRequest = { ownerId: 'rep-2', sort: 'updatedAt', direction: 'desc', limit: 25 };

  it('lists a rep’s own quotes only, whatever owner they ask for; managers and admins as asked', async () => {
    const reader = new RecordingReader();
    const handler = new ListQuotesHandler(reader);
    const page = await handler.execute(new ListQuotesQuery(caller('rep'), request));
    await handler.execute(new ListQuotesQuery(caller('manager'), request));
    await handler.execute(new ListQuotesQuery(caller('admin'), { ...request, ownerId: undefined }));
    expect(page).toEqual({ items: [], nextCursor: null, countsByStatus: { draft: 0 }, countsComplete: true });
    expect(reader.requests.map((r) => r.ownerId)).toEqual(['rep-1', 'rep-2', undefined]);
  });
});
