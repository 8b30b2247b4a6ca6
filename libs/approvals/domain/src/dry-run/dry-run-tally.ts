// What a dry run reports ("the table"), built one quote at a time from the route each quote really
// had and the route the draft policy gives it. Pure: the run's handler reads the quotes, the real
// rounds and the approvers' past decisions, and feeds them in.
//
// Rules:
// - Needed (real): the quote's last submission went to Pending approval; its route is the latest
//   round's (approvals_request.route). Would need (draft): routeQuote under the draft policy, with
//   the quote's content now, submitted by whoever really submitted it, expiry counted from the
//   submission day, the org as it is now.
// - A difference, in this order: newly-needs-approval (real none, draft a route),
//   no-longer-needs-approval (the reverse), more-steps / fewer-steps (the step count), and
//   other-approvers (same steps, but some step's set of approvers differs). Group modes and rule
//   reasons are not compared. The list keeps the first DIFFERENCES_KEPT, newest quote first;
//   `differenceCount` counts them all.
// - Per approver: in how many route steps (over all quotes looked at) they would be (draft) and
//   were (real).
// - Expected waiting: each approver's response time is the median of (decision time − the start of
//   the step decided) over their past decisions (step 1 starts when the round opens, a later step
//   at the last decision of the step before; decisions carried from an earlier round are not
//   counted). An approver with no past decision counts the median of all decisions (0 when there is
//   none). A group's expected time: "any one" the fastest of its approvers, "all" the slowest; a
//   step's: its slowest group; a route's: the sum of its steps (no route: 0). A quote's extra wait
//   is draft − real; the report gives the total over the quotes and the average per quote, in
//   hours (rounded to 0.01).
import type { ApprovalRoute } from '@qa/approvals-contracts';

export const DIFFERENCE_KINDS = ['newly-needs-approval', 'no-longer-needs-approval', 'more-steps', 'fewer-steps', 'other-approvers'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** The differences a result lists (the count covers them all). */
export const DIFFERENCES_KEPT = 500;

/** A route in short: per step, its approvers (each once, sorted). */
export type RouteSummary = string[][];

export interface DryRunDifference {
  quoteId: string;
  number: string;
  kind: DifferenceKind;
  /** null: no approval was (would be) needed. */
  real: RouteSummary | null;
  draft: RouteSummary | null;
  /** Expected wait under the draft minus the real one, in hours. */
  extraWaitHours: number;
}

export interface DryRunApproverRow {
  approverId: string;
  name: string;
  /** Route steps (over the quotes looked at) they would be in under the draft. */
  draftSteps: number;
  /** Route steps they really were in. */
  realSteps: number;
  /** Their median response time in hours; null: no past decision (the overall median counted). */
  medianResponseHours: number | null;
}

export interface DryRunResult {
  examined: number;
  draftNeedsApproval: number;
  realNeededApproval: number;
  approvers: DryRunApproverRow[];
  differenceCount: number;
  differences: DryRunDifference[];
  wait: { totalExtraHours: number; averageExtraHours: number; overallMedianHours: number };
}

/** A round's decisions as far as response times go. */
export interface DecidedRound {
  openedAt: Date | string;
  decisions: Array<{ approverId: string; at: string; step?: number; carriedFromRound?: number }>;
}

const HOUR = 3_600_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** How long each decision of a round took from the start of its step, in hours. */
export function responseTimes(round: DecidedRound): Array<{ approverId: string; hours: number }> {
  const own = round.decisions.filter((d) => d.carriedFromRound === undefined);
  const endOf = (step: number): number | null => {
    const times = own.filter((d) => (d.step ?? 0) === step).map((d) => Date.parse(d.at));
    return times.length ? Math.max(...times) : null;
  };
  return own.map((d) => {
    const step = d.step ?? 0;
    const start = (step > 0 ? endOf(step - 1) : null) ?? new Date(round.openedAt).getTime();
    return { approverId: d.approverId, hours: Math.max(0, Date.parse(d.at) - start) / HOUR };
  });
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each approver's median response time (hours), and the median over all decisions. */
export class ResponseTimes {
  private readonly all: number[] = [];
  private readonly byApprover = new Map<string, number[]>();
  private medians?: { each: Map<string, number>; overall: number };

  add(round: DecidedRound): void {
    for (const { approverId, hours } of responseTimes(round)) {
      this.all.push(hours);
      const mine = this.byApprover.get(approverId);
      if (mine) mine.push(hours);
      else this.byApprover.set(approverId, [hours]);
    }
    this.medians = undefined;
  }

  private get computed() {
    this.medians ??= { each: new Map([...this.byApprover].map(([id, hours]) => [id, median(hours)!])), overall: median(this.all) ?? 0 };
    return this.medians;
  }

  get overall(): number {
    return this.computed.overall;
  }

  /** Their own median; null when they never decided. */
  of(approverId: string): number | null {
    return this.computed.each.get(approverId) ?? null;
  }

  /** The expected time of a route (see the rules above); 0 for none. */
  expectedWait(route: ApprovalRoute | null): number {
    if (!route) return 0;
    const time = (id: string) => this.of(id) ?? this.overall;
    return route.steps.reduce((sum, step) => {
      const groups = step.groups.map((g) => (g.approverIds.length ? (g.mode === 'all' ? Math.max(...g.approverIds.map(time)) : Math.min(...g.approverIds.map(time))) : 0));
      return sum + (groups.length ? Math.max(...groups) : 0);
    }, 0);
  }
}

export function summarise(route: ApprovalRoute | null): RouteSummary | null {
  return route ? route.steps.map((s) => [...new Set(s.groups.flatMap((g) => g.approverIds))].sort()) : null;
}

export function differenceKind(real: RouteSummary | null, draft: RouteSummary | null): DifferenceKind | null {
  if (!real && draft) return 'newly-needs-approval';
  if (real && !draft) return 'no-longer-needs-approval';
  if (!real || !draft) return null;
  if (draft.length > real.length) return 'more-steps';
  if (draft.length < real.length) return 'fewer-steps';
  return real.some((ids, i) => ids.join(',') !== draft[i]!.join(',')) ? 'other-approvers' : null;
}

/** The report of a dry run, quote by quote. */
export class DryRunTally {
  private examined = 0;
  private draftNeeds = 0;
  private realNeeded = 0;
  private readonly steps = new Map<string, { draft: number; real: number }>();
  private readonly differences: DryRunDifference[] = [];
  private differenceCount = 0;
  private extraHours = 0;

  constructor(private readonly times: ResponseTimes) {}

  add(quote: { quoteId: string; number: string }, real: ApprovalRoute | null, draft: ApprovalRoute | null): void {
    this.examined += 1;
    if (real) this.realNeeded += 1;
    if (draft) this.draftNeeds += 1;
    const count = (route: ApprovalRoute | null, side: 'draft' | 'real') => {
      for (const ids of summarise(route) ?? []) for (const id of ids) {
        const row = this.steps.get(id) ?? { draft: 0, real: 0 };
        row[side] += 1;
        this.steps.set(id, row);
      }
    };
    count(real, 'real');
    count(draft, 'draft');
    const extra = this.times.expectedWait(draft) - this.times.expectedWait(real);
    this.extraHours += extra;
    const kind = differenceKind(summarise(real), summarise(draft));
    if (!kind) return;
    this.differenceCount += 1;
    if (this.differences.length < DIFFERENCES_KEPT) this.differences.push({ quoteId: quote.quoteId, number: quote.number, kind, real: summarise(real), draft: summarise(draft), extraWaitHours: round2(extra) });
  }

  /** Every approver named on a route, real or draft. */
  approverIds(): string[] {
    return [...this.steps.keys()];
  }

  /** The report; `names`: the approvers' names (their id when unknown). Approvers by most draft steps, then name. */
  result(names: ReadonlyMap<string, string>): DryRunResult {
    const approvers = [...this.steps]
      .map(([approverId, n]) => ({ approverId, name: names.get(approverId) ?? approverId, draftSteps: n.draft, realSteps: n.real, medianResponseHours: this.nullableRound(this.times.of(approverId)) }))
      .sort((a, b) => b.draftSteps - a.draftSteps || b.realSteps - a.realSteps || a.name.localeCompare(b.name));
    return {
      examined: this.examined,
      draftNeedsApproval: this.draftNeeds,
      realNeededApproval: this.realNeeded,
      approvers,
      differenceCount: this.differenceCount,
      differences: this.differences,
      wait: { totalExtraHours: round2(this.extraHours), averageExtraHours: this.examined ? round2(this.extraHours / this.examined) : 0, overallMedianHours: round2(this.times.overall) },
    };
  }

  private nullableRound(n: number | null): number | null {
    return n === null ? null : round2(n);
  }
}
