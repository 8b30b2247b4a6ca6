// The approval analytics' read model: facts projected from a quote's approval rounds, the same way
// for the backfill and for every approval event (a quote's facts are replaced as a whole, so a
// projection can run again with the same result). Times are ISO texts (UTC), with their day, week
// and month beside them, so the queries filter and group the same way on SQLite and PostgreSQL.
import { parseMoney } from '@qa/shared-kernel';
import { dayOf, monthOf, weekOf } from './stats';

/** One approval round as the approvals context keeps it (only what the analytics read). */
export interface SourceRound {
  requestId: string;
  quoteId: string;
  round: number;
  ownerId: string;
  status: 'pending' | 'approved' | 'changes_requested' | 'cancelled';
  route: { steps: Array<{ groups: Array<{ approverIds: string[]; ruleIds: string[] }> }>; rules: Array<{ ruleId: string; ruleName: string }> };
  decisions: Array<{ approverId: string; decision: 'approve' | 'request_changes'; at: string; step?: number; onBehalfOf?: string; carriedFromRound?: number }>;
  activity: Array<{ kind: string; step: number; from: string | null; to: string | null; at: string }>;
  snapshot: { currency: string; total: string; lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; net: string }> };
  openedAt: Date;
  decidedAt: Date | null;
}

export type RoundOutcome = 'open' | 'approved' | 'changes_requested' | 'cancelled';

export interface QuoteRoundFact {
  id: string;
  quoteId: string;
  round: number;
  requestId: string;
  repId: string;
  repTeam: string | null;
  submittedAt: string;
  closedAt: string | null;
  closedDay: string | null;
  outcome: RoundOutcome;
  currency: string;
  grossMinor: number;
  netMinor: number;
  /** The quote's first round: what the rep asked for at first. */
  requestedGrossMinor: number;
  requestedNetMinor: number;
}

/** One decision made in a round (kept-over approvals of an earlier round are not decisions). */
export interface DecisionFact {
  id: string;
  quoteId: string;
  round: number;
  /** 1 = first. */
  step: number;
  /** The approver group (0-based) of the step. */
  grp: number;
  approverId: string;
  repTeam: string | null;
  startedAt: string;
  decidedAt: string;
  decidedDay: string;
  decidedWeek: string;
  decidedMonth: string;
  outcome: 'approved' | 'changes_requested';
  /** From the step's start to the decision. */
  durationSeconds: number;
}

/** A rule that put a group of a step on the route. */
export interface RouteRuleFact {
  id: string;
  quoteId: string;
  round: number;
  step: number;
  grp: number;
  ruleId: string;
  ruleName: string;
}

export interface EscalationFact {
  id: string;
  quoteId: string;
  round: number;
  step: number;
  repTeam: string | null;
  escalatedAt: string;
  escalatedDay: string;
  escalatedWeek: string;
  escalatedMonth: string;
}

/** A line of a round's quote; the product is the line's name. */
export interface LineFact {
  id: string;
  quoteId: string;
  round: number;
  product: string;
  currency: string;
  grossMinor: number;
  netMinor: number;
  requestedGrossMinor: number;
  requestedNetMinor: number;
}

export interface QuoteFacts {
  rounds: QuoteRoundFact[];
  decisions: DecisionFact[];
  rules: RouteRuleFact[];
  escalations: EscalationFact[];
  lines: LineFact[];
}

const OUTCOMES: Record<SourceRound['status'], RoundOutcome> = { pending: 'open', approved: 'approved', changes_requested: 'changes_requested', cancelled: 'cancelled' };

function minor(value: string, currency: string): number {
  try {
    return parseMoney(value, currency);
  } catch {
    return 0;
  }
}

function lineFigures(line: SourceRound['snapshot']['lines'][number], currency: string) {
  return { gross: Math.round(line.quantity * minor(line.unitPrice, currency)), net: minor(line.net, currency) };
}

function roundFigures(round: SourceRound) {
  const { currency } = round.snapshot;
  const gross = round.snapshot.lines.reduce((sum, line) => sum + lineFigures(line, currency).gross, 0);
  return { gross, net: minor(round.snapshot.total, currency) };
}

/** The group (0-based) of a step an approver decided for: theirs, their principal's, or the one whose place they took. */
function groupOf(round: SourceRound, step: number, approverId: string, onBehalfOf: string | undefined): number {
  const groups = round.route.steps[step]?.groups ?? [];
  let person: string | null = onBehalfOf ?? approverId;
  for (let hops = 0; person && hops < 10; hops++) {
    const found = groups.findIndex((g) => g.approverIds.includes(person!));
    if (found >= 0) return found;
    const current: string = person;
    person = round.activity.find((a) => a.step === step && a.to === current && a.from)?.from ?? null;
  }
  return 0;
}

/** The analytics facts of one quote's rounds; `teams` maps user ids to their team. */
export function projectQuoteFacts(rounds: readonly SourceRound[], teams: ReadonlyMap<string, string | null>): QuoteFacts {
  const facts: QuoteFacts = { rounds: [], decisions: [], rules: [], escalations: [], lines: [] };
  const sorted = [...rounds].sort((a, b) => a.round - b.round);
  const first = sorted[0];
  if (!first) return facts;
  const requested = roundFigures(first);
  const requestedLines = new Map(first.snapshot.lines.map((line) => [line.id, lineFigures(line, first.snapshot.currency)]));
  const requestedByName = new Map([...first.snapshot.lines].reverse().map((line) => [line.productName.trim(), lineFigures(line, first.snapshot.currency)]));
  for (const round of sorted) {
    const key = `${round.quoteId}:${round.round}`;
    const repTeam = teams.get(round.ownerId) ?? null;
    const figures = roundFigures(round);
    const { currency } = round.snapshot;
    const sameCurrency = currency === first.snapshot.currency;
    facts.rounds.push({
      id: key,
      quoteId: round.quoteId,
      round: round.round,
      requestId: round.requestId,
      repId: round.ownerId,
      repTeam,
      submittedAt: round.openedAt.toISOString(),
      closedAt: round.decidedAt?.toISOString() ?? null,
      closedDay: round.decidedAt ? dayOf(round.decidedAt) : null,
      outcome: OUTCOMES[round.status] ?? 'open',
      currency,
      grossMinor: figures.gross,
      netMinor: figures.net,
      requestedGrossMinor: sameCurrency ? requested.gross : figures.gross,
      requestedNetMinor: sameCurrency ? requested.net : figures.net,
    });
    for (const line of round.snapshot.lines) {
      const own = lineFigures(line, currency);
      // The first round's line: the same line, else the first with the same name (an edit may give lines new ids).
      const asked = (sameCurrency && (requestedLines.get(line.id) ?? requestedByName.get(line.productName.trim()))) || own;
      facts.lines.push({ id: `${key}:${line.id}`, quoteId: round.quoteId, round: round.round, product: line.productName.trim().slice(0, 200), currency, grossMinor: own.gross, netMinor: own.net, requestedGrossMinor: asked.gross, requestedNetMinor: asked.net });
    }
    round.route.steps.forEach((step, s) =>
      step.groups.forEach((group, g) =>
        [...new Set(group.ruleIds)].forEach((ruleId) => {
          const ruleName = round.route.rules.find((r) => r.ruleId === ruleId)?.ruleName ?? ruleId;
          facts.rules.push({ id: `${key}:${s + 1}:${g}:${ruleId}`, quoteId: round.quoteId, round: round.round, step: s + 1, grp: g, ruleId, ruleName });
        }),
      ),
    );
    const stepStart = (s: number): Date => {
      if (s === 0) return round.openedAt;
      const previous = round.decisions.filter((d) => (d.step ?? 0) === s - 1).map((d) => Date.parse(d.at));
      return previous.length ? new Date(Math.max(...previous)) : round.openedAt;
    };
    round.decisions.forEach((decision, index) => {
      // An approval kept from an earlier round was not made in this one.
      if (decision.carriedFromRound !== undefined && decision.carriedFromRound !== null) return;
      const s = decision.step ?? 0;
      const started = stepStart(s);
      const decided = new Date(decision.at);
      facts.decisions.push({
        id: `${key}:${index}`,
        quoteId: round.quoteId,
        round: round.round,
        step: s + 1,
        grp: groupOf(round, s, decision.approverId, decision.onBehalfOf),
        approverId: decision.approverId,
        repTeam,
        startedAt: started.toISOString(),
        decidedAt: decided.toISOString(),
        decidedDay: dayOf(decided),
        decidedWeek: weekOf(decided),
        decidedMonth: monthOf(decided),
        outcome: decision.decision === 'approve' ? 'approved' : 'changes_requested',
        durationSeconds: Math.max(0, Math.round((decided.getTime() - started.getTime()) / 1000)),
      });
    });
    round.activity.forEach((activity, index) => {
      if (activity.kind !== 'escalated') return;
      const at = new Date(activity.at);
      facts.escalations.push({ id: `${key}:${index}`, quoteId: round.quoteId, round: round.round, step: activity.step + 1, repTeam, escalatedAt: at.toISOString(), escalatedDay: dayOf(at), escalatedWeek: weekOf(at), escalatedMonth: monthOf(at) });
    });
  }
  return facts;
}

/** Where the facts are kept; infrastructure implements it. */
export abstract class ApprovalFactsStore {
  /** Replaces every fact of these quotes with the ones given (none: the quotes have no rounds). */
  abstract replace(quoteIds: readonly string[], facts: QuoteFacts): Promise<void>;
}
