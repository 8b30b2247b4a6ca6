// What GET /api/v1/analytics/approvals answers: every chart's series as numbers and codes.

/** Time from a step's start to a decision, for one group (an approver, a step, a rule, a team, a period). */
export interface DurationStats {
  key: string;
  /** A name for people where the key is an id (approver: their name; rule: its name); else the key. */
  label: string;
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface LeakageRow {
  key: string;
  label: string;
  currency: string;
  /** Approved rounds (by rep) or lines of approved rounds (by product). */
  count: number;
  /** Discount the quote's first round asked for, as a percentage of its list price (one decimal). */
  requestedPercent: number;
  /** Discount in the approved round, as a percentage of its list price (one decimal). */
  approvedPercent: number;
  requestedDiscountMinor: number;
  approvedDiscountMinor: number;
}

export interface ApprovalAnalytics {
  filter: { from: string; to: string; team: string | null; rule: string | null; bucket: 'week' | 'month' };
  /** What the filters may choose from. */
  options: { teams: string[]; rules: Array<{ id: string; name: string }> };
  timeInApproval: { byApprover: DurationStats[]; byStep: DurationStats[]; byRule: DurationStats[]; byTeam: DurationStats[]; overTime: DurationStats[] };
  /** Rounds open now, by how long they have been: lt1d, 1to3d, 3to7d, gt7d. */
  openByAge: Array<{ bucket: 'lt1d' | '1to3d' | '3to7d' | 'gt7d'; count: number }>;
  /** Rounds decided in the period. */
  rates: { decided: number; approved: number; changesRequested: number; approvedPercent: number; changesRequestedPercent: number };
  leakage: { byRep: LeakageRow[]; byProduct: LeakageRow[] };
  /** The ten approvers with the longest median time to decide. */
  slowestApprovers: DurationStats[];
  escalations: { total: number; byPeriod: Array<{ key: string; count: number }>; byRule: Array<{ key: string; label: string; count: number }> };
}
