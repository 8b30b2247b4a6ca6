import { describe, expect, it } from 'vitest';
import { projectQuoteFacts, type SourceRound } from './approval-facts';

const H = 3_600_000;
const t0 = new Date('2026-11-02T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * H).toISOString();
const route: SourceRound['route'] = {
  steps: [{ groups: [{ approverIds: ['max'], ruleIds: ['r-a'] }] }, { groups: [{ approverIds: ['ada'], ruleIds: ['r-b'] }, { approverIds: ['fay'], ruleIds: ['r-b', 'r-c'] }] }],
  rules: [
    { ruleId: 'r-a', ruleName: 'Manager' },
    { ruleId: 'r-b', ruleName: 'Director' },
    { ruleId: 'r-c', ruleName: 'Finance' },
  ],
};
const snapshot = (discounted: string, net: string): SourceRound['snapshot'] => ({ currency: 'EUR', total: net, lines: [{ id: 'l-1', productName: ' Design ', quantity: 2, unitPrice: '1500.00', net: discounted }] });
const round1: SourceRound = {
  requestId: 'req-1',
  quoteId: 'q-1',
  round: 1,
  ownerId: 'rita',
  status: 'changes_requested',
  route,
  decisions: [
    { approverId: 'max', decision: 'approve', at: at(2), step: 0 },
    { approverId: 'ada', decision: 'request_changes', at: at(5), step: 1 },
  ],
  activity: [{ kind: 'escalated', step: 1, from: null, to: 'ada', at: at(4) }],
  snapshot: snapshot('2400.00', '2400.00'),
  openedAt: t0,
  decidedAt: new Date(at(5)),
};
const round2: SourceRound = {
  ...round1,
  requestId: 'req-2',
  round: 2,
  status: 'pending',
  decisions: [
    { approverId: 'max', decision: 'approve', at: at(8), step: 0, carriedFromRound: 1 },
    { approverId: 'dan', decision: 'approve', at: at(9), step: 1, onBehalfOf: 'ada' },
    { approverId: 'sam', decision: 'approve', at: at(10), step: 1 },
  ],
  activity: [{ kind: 'reassigned', step: 1, from: 'fay', to: 'sam', at: at(8.5) }],
  snapshot: { ...snapshot('2700.00', '2700.00'), lines: [{ id: 'l-9', productName: 'Design', quantity: 2, unitPrice: '1500.00', net: '2700.00' }] },
  openedAt: new Date(at(8)),
  decidedAt: null,
};

describe('projectQuoteFacts', () => {
  const facts = projectQuoteFacts([round2, round1], new Map([['rita', 'Sales']]));

  it('gives each round its outcome, times, team and the first round\'s figures as what was asked', () => {
    expect(facts.rounds).toEqual([
      { id: 'q-1:1', quoteId: 'q-1', round: 1, requestId: 'req-1', repId: 'rita', repTeam: 'Sales', submittedAt: at(0), closedAt: at(5), closedDay: '2026-11-02', outcome: 'changes_requested', currency: 'EUR', grossMinor: 300000, netMinor: 240000, requestedGrossMinor: 300000, requestedNetMinor: 240000 },
      { id: 'q-1:2', quoteId: 'q-1', round: 2, requestId: 'req-2', repId: 'rita', repTeam: 'Sales', submittedAt: at(8), closedAt: null, closedDay: null, outcome: 'open', currency: 'EUR', grossMinor: 300000, netMinor: 270000, requestedGrossMinor: 300000, requestedNetMinor: 240000 },
    ]);
  });

  it('times each decision from its step\'s start, leaving out approvals kept from an earlier round', () => {
    expect(facts.decisions.map((d) => [d.id, d.step, d.grp, d.approverId, d.outcome, d.durationSeconds, d.decidedWeek, d.decidedMonth])).toEqual([
      ['q-1:1:0', 1, 0, 'max', 'approved', 2 * 3600, '2026-11-02', '2026-11'],
      ['q-1:1:1', 2, 0, 'ada', 'changes_requested', 3 * 3600, '2026-11-02', '2026-11'],
      // Round 2: step 2 started when Max's kept approval completed step 1 (hour 8). Dan decided for Ada; Sam took Fay's place.
      ['q-1:2:1', 2, 0, 'dan', 'approved', 1 * 3600, '2026-11-02', '2026-11'],
      ['q-1:2:2', 2, 1, 'sam', 'approved', 2 * 3600, '2026-11-02', '2026-11'],
    ]);
  });

  it('lists the rules of each group, escalations, and lines by product against the first round\'s line', () => {
    expect(facts.rules.filter((r) => r.round === 1).map((r) => [r.step, r.grp, r.ruleId, r.ruleName])).toEqual([
      [1, 0, 'r-a', 'Manager'],
      [2, 0, 'r-b', 'Director'],
      [2, 1, 'r-b', 'Director'],
      [2, 1, 'r-c', 'Finance'],
    ]);
    expect(facts.escalations).toEqual([{ id: 'q-1:1:0', quoteId: 'q-1', round: 1, step: 2, repTeam: 'Sales', escalatedAt: at(4), escalatedDay: '2026-11-02', escalatedWeek: '2026-11-02', escalatedMonth: '2026-11' }]);
    // Round 2's line has a new id: matched by its name.
    expect(facts.lines.map((l) => [l.id, l.product, l.grossMinor, l.netMinor, l.requestedGrossMinor, l.requestedNetMinor])).toEqual([
      ['q-1:1:l-1', 'Design', 300000, 240000, 300000, 240000],
      ['q-1:2:l-9', 'Design', 300000, 270000, 300000, 240000],
    ]);
  });

  it('projects nothing for a quote without rounds', () => {
    expect(projectQuoteFacts([], new Map())).toEqual({ rounds: [], decisions: [], rules: [], escalations: [], lines: [] });
  });
});
