import type { ApprovalRoute } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { differenceKind, DryRunTally, median, responseTimes, ResponseTimes } from './dry-run-tally';

const route = (...steps: Array<Array<{ ids: string[]; mode?: 'any' | 'all' }>>): ApprovalRoute => ({
  policyVersion: 1,
  rules: [],
  steps: steps.map((groups) => ({ groups: groups.map((g) => ({ approverIds: g.ids, mode: g.mode ?? 'any', refs: [], ruleIds: [], notes: [] })) })),
});

describe('dry run tally', () => {
  it('times each decision from the start of its step; carried decisions do not count', () => {
    expect(
      responseTimes({
        openedAt: '2026-01-01T00:00:00Z',
        decisions: [
          { approverId: 'a', at: '2026-01-01T02:00:00Z', step: 0 },
          { approverId: 'b', at: '2026-01-01T03:00:00Z', step: 0 },
          { approverId: 'c', at: '2026-01-01T07:00:00Z', step: 1 },
          { approverId: 'd', at: '2025-12-01T00:00:00Z', step: 1, carriedFromRound: 1 },
        ],
      }),
    ).toEqual([
      { approverId: 'a', hours: 2 },
      { approverId: 'b', hours: 3 },
      { approverId: 'c', hours: 4 },
    ]);
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, null]);
  });

  it('names the kind of each difference', () => {
    expect(differenceKind(null, [['a']])).toBe('newly-needs-approval');
    expect(differenceKind([['a']], null)).toBe('no-longer-needs-approval');
    expect(differenceKind([['a']], [['a'], ['b']])).toBe('more-steps');
    expect(differenceKind([['a'], ['b']], [['a']])).toBe('fewer-steps');
    expect(differenceKind([['a']], [['b']])).toBe('other-approvers');
    expect(differenceKind([['a', 'b']], [['a', 'b']])).toBe(null);
    expect(differenceKind(null, null)).toBe(null);
  });

  it('counts needs, steps per approver and the expected extra wait (any: fastest, all: slowest, steps add up)', () => {
    const times = new ResponseTimes();
    times.add({ openedAt: '2026-01-01T00:00:00Z', decisions: [{ approverId: 'fast', at: '2026-01-01T01:00:00Z', step: 0 }] });
    times.add({ openedAt: '2026-01-01T00:00:00Z', decisions: [{ approverId: 'slow', at: '2026-01-01T05:00:00Z', step: 0 }] });
    const tally = new DryRunTally(times);
    // Real: fast (1 h). Draft: fast and slow, all of them (5 h), then fast (1 h): +5 h.
    tally.add({ quoteId: 'q1', number: 'Q-1' }, route([{ ids: ['fast'] }]), route([{ ids: ['fast', 'slow'], mode: 'all' }], [{ ids: ['fast'] }]));
    // Real none; draft: any of fast, slow (1 h), and unknown "new" in a parallel group (overall median 3 h): +3 h.
    tally.add({ quoteId: 'q2', number: 'Q-2' }, null, route([{ ids: ['fast', 'slow'] }, { ids: ['new'] }]));
    // Same on both sides: no difference, no extra.
    tally.add({ quoteId: 'q3', number: 'Q-3' }, route([{ ids: ['slow'] }]), route([{ ids: ['slow'] }]));
    expect(tally.result(new Map([['fast', 'Fast'], ['slow', 'Slow']]))).toEqual({
      examined: 3,
      draftNeedsApproval: 3,
      realNeededApproval: 2,
      approvers: [
        { approverId: 'fast', name: 'Fast', draftSteps: 3, realSteps: 1, medianResponseHours: 1 },
        { approverId: 'slow', name: 'Slow', draftSteps: 3, realSteps: 1, medianResponseHours: 5 },
        { approverId: 'new', name: 'new', draftSteps: 1, realSteps: 0, medianResponseHours: null },
      ],
      differenceCount: 2,
      differences: [
        { quoteId: 'q1', number: 'Q-1', kind: 'more-steps', real: [['fast']], draft: [['fast', 'slow'], ['fast']], extraWaitHours: 5 },
        { quoteId: 'q2', number: 'Q-2', kind: 'newly-needs-approval', real: null, draft: [['fast', 'new', 'slow']], extraWaitHours: 3 },
      ],
      wait: { totalExtraHours: 8, averageExtraHours: 2.67, overallMedianHours: 3 },
    });
  });
});
