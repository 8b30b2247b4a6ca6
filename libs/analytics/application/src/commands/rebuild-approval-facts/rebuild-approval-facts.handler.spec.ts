import type { SourceRound } from '@qa/analytics-domain';
import { describe, expect, it } from 'vitest';
import { ApprovalFactsProjector } from '../../shared/approval-facts-projector';
import { InMemoryFactsStore, InMemoryRoundSource, usersBus } from '../../testing/in-memory-analytics';
import { RebuildApprovalFactsCommand } from './rebuild-approval-facts.command';
import { RebuildApprovalFactsHandler } from './rebuild-approval-facts.handler';

const round = (quoteId: string, n: number): SourceRound => ({
  requestId: `${quoteId}-r${n}`,
  quoteId,
  round: n,
  ownerId: 'rita',
  status: 'pending',
  route: { steps: [], rules: [] },
  decisions: [],
  activity: [],
  snapshot: { currency: 'EUR', total: '100.00', lines: [] },
  openedAt: new Date('2026-11-02T09:00:00Z'),
  decidedAt: null,
});

describe('RebuildApprovalFactsHandler', () => {
  it('projects every quote with rounds, a batch at a time, and answers how many', async () => {
    const source = new InMemoryRoundSource([round('q-1', 1), round('q-1', 2), round('q-2', 1), round('q-3', 1), round('q-4', 1), round('q-5', 1)]);
    const store = new InMemoryFactsStore();
    const projector = new ApprovalFactsProjector(source, store, usersBus([{ id: 'rita', name: 'Rita Rep', team: null }]));
    const result = await new RebuildApprovalFactsHandler(source, projector).execute(new RebuildApprovalFactsCommand(2));
    expect(result).toEqual({ quotes: 5, rounds: 6 });
    expect(store.replaced).toEqual([['q-1', 'q-2'], ['q-3', 'q-4'], ['q-5']]);
    expect(store.facts.get('q-1')?.rounds.map((r) => r.id)).toEqual(['q-1:1', 'q-1:2']);
  });

  it('answers nothing projected when there are no rounds', async () => {
    const source = new InMemoryRoundSource();
    const store = new InMemoryFactsStore();
    expect(await new RebuildApprovalFactsHandler(source, new ApprovalFactsProjector(source, store, usersBus([]))).execute(new RebuildApprovalFactsCommand())).toEqual({ quotes: 0, rounds: 0 });
    expect(store.replaced).toEqual([]);
  });
});
